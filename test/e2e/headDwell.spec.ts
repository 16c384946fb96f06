import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { parse } from 'yaml'
import { jsonUpload, messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, storedRecords, test } from './fixtures.ts'
import { dirTo, eyeAt, eyeModelFrom, installHeadDriver, readDriver, scriptDone, truthAtFrames, truthOfBeat, truthTarget, type Dir, type Step, type TruthTarget } from './headPath.ts'
import { headsetViewport } from '../../scripts/browser/chromium.ts'
import { beatIs, hook, openChildEye, pageErrors, pressB, selectButton } from './vrFlow.ts'
import { buildSessionBundle } from '../../src/export/sessionBundle.ts'
import type { LogRecord } from '../../src/engine/runtime.ts'
import type { SessionMeta } from '../../src/storage/sessionStore.ts'

/**
 * Head-direction dwell against a driven head (issue 18): the emulated headset's head follows a scripted path at
 * every XR frame, and every `head.dwell` record of a full child's-eye run is compared with the truth computed from
 * that path alone (src/engine/headDwell.ts states the rules the truth follows: nearest target within its cone,
 * ties to the first listed; a moment belongs to the latest frame, so a look starts up to one frame late).
 *
 * Two truths, both from the path and never from the app's dwell code:
 * - at the frames presented: the direction the driver set at each XR frame, credited over that frame's interval.
 *   Shares, look-aways and first looks are held to the issue's bounds against this one.
 * - continuous: the path integrated in 0.25 ms steps, as a head moves between frames. A frame inside which the path
 *   crosses a cone edge is credited whole to its starting pose, so shares may differ from this truth by up to those
 *   frames' length; the test allows exactly that much on top of the 2 points. Software GL in the emulator can hold
 *   one frame for over a second (a panel's first draw), where a Quest draws every 11–14 ms.
 */

interface Rec {
  seq: number
  type: string
  t: number
  wall: string
  data: Record<string, any>
}

const scene = parse(readFileSync(join(import.meta.dirname, '../../scenes/child-eye/scene.yaml'), 'utf8')) as { vr: { targets: string[]; dwellConeDeg: number; dwellCones?: Record<string, number> } }

/** Enters the headset with the driver already on it, so that the app's first headset frame is the path's first. */
async function enterDriven(page: Page, start: Dir, scripts: Record<string, Step[]>) {
  await page.setViewportSize(headsetViewport)
  await page.waitForFunction(() => (window as unknown as { __iwer?: unknown }).__iwer !== undefined)
  await installHeadDriver(page, start, scripts)
  await page.getByRole('button', { name: 'Start in de VR-bril' }).click()
  await page.waitForFunction(() => (window as unknown as { __iwer?: { activeSession?: unknown } }).__iwer?.activeSession !== undefined)
  await page.waitForFunction(() => (window as unknown as { __perspectiefVr?: unknown }).__perspectiefVr !== undefined)
}

/**
 * The eye model and the targets, read once the headset is on and the origin has settled: the headset's origin
 * (IWER's device position, moved up by the scene's origin) and one camera reading at the direction held then.
 */
async function geometry(page: Page) {
  await expect.poll(async () => page.evaluate(() => (window as unknown as { __perspectiefVr: { camera(): number[]; eye: number } }).__perspectiefVr.camera()[1]! - (window as unknown as { __perspectiefVr: { eye: number } }).__perspectiefVr.eye)).toBeCloseTo(0, 1)
  const read = await page.evaluate(() => {
    const w = window as unknown as { __perspectiefVr: { camera(): number[]; originY: number }; __iwer: { position: { x: number; y: number; z: number } }; __headPathPose: Dir }
    const p = w.__iwer.position
    return { camera: w.__perspectiefVr.camera(), base: [p.x, p.y + w.__perspectiefVr.originY, p.z] as [number, number, number], held: w.__headPathPose }
  })
  const eyeModel = eyeModelFrom(read.base, read.camera, read.held)
  console.log(`headset origin ${read.base.map((v) => v.toFixed(4)).join(', ')}, camera ${read.camera.map((v) => v.toFixed(4)).join(', ')}, offset in the head ${eyeModel.local.map((v) => v.toFixed(4)).join(', ')}`)
  const h = await hook(page)
  const targets: TruthTarget[] = scene.vr.targets.map((name) => {
    const c = h.targets[name]!
    return { name, centre: [c.x, c.y, c.z], coneDeg: scene.vr.dwellCones?.[name] ?? scene.vr.dwellConeDeg }
  })
  return { eye: read.camera, eyeModel, targets }
}

/** The directions the path uses: from the eye to each target's centre, and a spot on the empty wall. */
function plannedDirs(eye: readonly number[]) {
  const centres: Record<string, number[]> = { parents: [-1.05, 1.35, -2.5], door: [-0.9, 1.025, -1.8], room: [-0.9, 0.8, 1.0], window: [1.6, 1.45, 0.25] }
  const d = Object.fromEntries(Object.entries(centres).map(([k, c]) => [k, dirTo(eye, c)])) as Record<'parents' | 'door' | 'room' | 'window', Dir>
  return { ...d, wall: { yaw: -45, pitch: 0 } as Dir }
}

test('dwell records match the truth of a driven head through the whole child-eye scene', async ({ page }) => {
  test.setTimeout(420_000)
  const errors = pageErrors(page)
  await openChildEye(page, 'DW18', { url: '/?speed=1&xr=emulate' })
  // Aimed from the 7-year-old's eye (1.0 m) at the headset's origin; the camera sits a few centimetres off it (the
  // truth below follows the camera as the head turns), so a hold is on a centre to within about a degree.
  const D = plannedDirs([0, 1.0, 0])
  const scripts: Record<string, Step[]> = {
    'mother-confronts': [{ holdMs: 300 }, { turnTo: D.door, degS: 10 }, { holdMs: 800 }, { turnTo: D.wall, degS: 60 }, { holdMs: 500 }],
    'threat-to-leave': [{ turnTo: D.window, degS: 45 }, { holdMs: 500 }],
    silence: [{ turnTo: D.parents, degS: 90 }, { holdMs: 300 }],
    'mother-comes-in': [{ turnTo: D.room, degS: 75 }, { holdMs: 200 }, { turnTo: D.parents, degS: 90 }],
    'reflect-intro': [{ turnTo: D.window, degS: 30 }],
    // A question beat opens with the panel's first draw (label textures, a new material), which in software GL can
    // hold one frame for up to ~1.3 s. A look boundary inside that frame is off by the whole frame (the documented
    // rule credits it to the earlier pose), so the path holds still while the panel appears and turns afterwards.
    'ask-feeling': [{ holdMs: 1500 }, { turnTo: D.wall, degS: 90 }, { holdMs: 300 }],
    'ask-harm-child': [{ holdMs: 1500 }, { turnTo: D.door, degS: 90 }, { holdMs: 500 }],
    'ask-harm-mother': [{ holdMs: 300 }, { turnTo: D.parents, degS: 5 }, { holdMs: 300 }],
  }
  await enterDriven(page, D.parents, scripts)
  const { eye, eyeModel, targets } = await geometry(page)
  // The path's centres are the app's: each hold is within 1.5° of its target's centre as the app sees it.
  for (const name of ['parents', 'door', 'room', 'window'] as const) {
    const c = targets.find((t) => t.name === name)!.centre
    const seen = dirTo(eyeAt(eyeModel, D[name]), c)
    expect(Math.abs(seen.yaw - D[name].yaw) + Math.abs(seen.pitch - D[name].pitch)).toBeLessThan(1.5)
  }
  expect(eye[1]).toBeCloseTo(1.0, 1)
  // The empty wall is on no target's cone.
  expect(truthTarget(targets, eyeModel, D.wall).on).toBeNull()
  expect(Object.values(truthTarget(targets, eyeModel, D.wall).inCone).some(Boolean)).toBe(false)

  await beatIs(page, 'ask-feeling', 150_000)
  await scriptDone(page, 'ask-feeling')
  await pressB(page)
  await expect(page.getByText('Gepauzeerd')).toBeVisible()
  await page.waitForTimeout(1500)
  await selectButton(page, 'resume')
  await expect(page.getByText('Gepauzeerd')).toHaveCount(0)
  await page.waitForTimeout(500)
  await selectButton(page, 'feeling:sad')
  await beatIs(page, 'ask-harm-child', 90_000)
  await scriptDone(page, 'ask-harm-child')
  await selectButton(page, 'harm-child:6')
  await beatIs(page, 'ask-harm-mother', 90_000)
  await scriptDone(page, 'ask-harm-mother')
  await selectButton(page, 'harm-mother:5')
  await expect(page.getByTestId('vr-done')).toBeVisible()

  const driver = await readDriver(page)
  const records = (await storedRecords<Rec>(page, 'events')).sort((a, b) => a.seq - b.seq)
  const entered = records.filter((r) => r.type === 'beat.entered')
  const pauses: [number, number][] = records.filter((r) => r.type === 'safety.paused').map((p) => [p.t, records.find((r) => r.type === 'safety.resumed' && r.seq > p.seq)!.t])
  expect(pauses).toHaveLength(1)
  const dwell = records.filter((r) => r.type === 'head.dwell')
  // One record for every beat but the end beat (the scene is over the moment it is entered).
  expect(dwell.map((r) => r.data.beat)).toEqual(entered.slice(0, -1).map((r) => r.data.beat))

  const firstFrame = driver.frames[0]!
  const frameAround = (t: number) => {
    const i = driver.frames.findIndex((f) => f > t)
    return i > 0 ? driver.frames[i]! - driver.frames[i - 1]! : 1000 / 60
  }
  const sceneEnd = entered.at(-1)!.t
  const pausedMs = pauses.reduce((s, [a, b]) => s + (b - a), 0)
  let covered = 0
  const lines: string[] = []
  for (const [i, rec] of dwell.entries()) {
    const start = entered[i]!.t
    const end = entered[i + 1]!.t
    const truth = truthOfBeat(driver.segments, targets, eyeModel, start, Math.max(start, firstFrame), end, pauses)
    const atFrames = truthAtFrames(driver, targets, eyeModel, start, Math.max(start, firstFrame), end, pauses)
    const d = rec.data as { durationMs: number; missingMs: number; noneShare: number; peakYawSpeedDegS: number; targets: Record<string, { share: number; firstLookMs: number | null; lookAways: number; peakYawSpeedDegS: number }> }
    const where = `beat ${rec.data.beat}`
    covered += d.durationMs
    expect.soft(d.durationMs, `${where}: measured time`).toBeCloseTo(atFrames.durationMs, -1)
    const sum = Object.values(d.targets).reduce((s, t) => s + t.share, 0)
    expect.soft(sum, `${where}: shares sum`).toBeLessThanOrEqual(1.0005)
    expect.soft(sum + d.noneShare, `${where}: shares and "none of these"`).toBeCloseTo(1, 2)
    for (const tg of targets) {
      const got = d.targets[tg.name]!
      const share = atFrames.shares[tg.name]!
      const continuous = truth.shares[tg.name]!
      expect.soft(Math.abs(got.share - share) * 100, `${where} ${tg.name}: share ${got.share} vs truth at the frames ${share.toFixed(4)} (points)`).toBeLessThanOrEqual(2)
      const allowed = 2 + atFrames.granularity * 100
      expect.soft(Math.abs(got.share - continuous) * 100, `${where} ${tg.name}: share ${got.share} vs continuous truth ${continuous.toFixed(4)} (points; 2 + ${(atFrames.granularity * 100).toFixed(2)} for frames across an edge)`).toBeLessThanOrEqual(allowed)
      const first = truth.firstLookMs[tg.name]
      const firstAtFrames = atFrames.firstLookMs[tg.name]
      if (first === null || first === undefined) expect.soft(got.firstLookMs, `${where} ${tg.name}: never looked at`).toBeNull()
      else {
        expect.soft(got.firstLookMs, `${where} ${tg.name}: first look`).not.toBeNull()
        const tolerance = frameAround(start + first) + 20
        expect.soft(Math.abs((got.firstLookMs ?? Infinity) - first), `${where} ${tg.name}: first look ${got.firstLookMs} vs truth ${first} (± ${tolerance.toFixed(1)} ms)`).toBeLessThanOrEqual(tolerance)
      }
      if (firstAtFrames !== null && firstAtFrames !== undefined) {
        expect.soft(Math.abs((got.firstLookMs ?? Infinity) - firstAtFrames), `${where} ${tg.name}: first look ${got.firstLookMs} vs the frame it was presented ${firstAtFrames.toFixed(1)} (± 20 ms)`).toBeLessThanOrEqual(20)
      }
      expect.soft(got.lookAways, `${where} ${tg.name}: look-aways`).toBe(atFrames.lookAways[tg.name])
      const edge = truth.peakEdge[tg.name]!
      expect.soft(Math.abs(got.peakYawSpeedDegS - edge), `${where} ${tg.name}: peak yaw speed at the cone ${got.peakYawSpeedDegS} vs truth ${edge}`).toBeLessThanOrEqual(edge * 0.05 + 1e-6)
      lines.push(`${rec.data.beat.padEnd(20)} ${tg.name.padEnd(8)} share ${(got.share * 100).toFixed(2).padStart(6)} / frames ${(share * 100).toFixed(2).padStart(6)} / path ${(continuous * 100).toFixed(2).padStart(6)} (edge frames ${(atFrames.granularity * 100).toFixed(2)})  first ${String(got.firstLookMs ?? '-').padStart(9)} / ${String(first === null || first === undefined ? '-' : first.toFixed(1)).padStart(8)}  away ${got.lookAways}/${atFrames.lookAways[tg.name]}/${truth.lookAways[tg.name]}  edge ${got.peakYawSpeedDegS.toFixed(2)}/${edge}`)
    }
    expect.soft(Math.abs(d.peakYawSpeedDegS - truth.peakYaw), `${where}: peak yaw speed ${d.peakYawSpeedDegS} vs truth ${truth.peakYaw}`).toBeLessThanOrEqual(truth.peakYaw * 0.05 + 1e-6)
    lines.push(`${rec.data.beat.padEnd(20)} measured ${d.durationMs.toFixed(1)} / ${atFrames.durationMs.toFixed(1)} ms, missing ${d.missingMs}, peak yaw ${d.peakYawSpeedDegS.toFixed(2)} / ${truth.peakYaw}`)
  }
  const headsetTime = sceneEnd - firstFrame - pausedMs
  const coverage = covered / headsetTime
  const intervals = driver.frames.slice(1).map((f, i) => f - driver.frames[i]!)
  lines.push(`coverage ${(coverage * 100).toFixed(2)}% of ${headsetTime.toFixed(0)} ms headset time outside pauses; frames ${driver.frames.length}, median interval ${intervals.sort((a, b) => a - b)[intervals.length >> 1]!.toFixed(1)} ms, longest ${intervals.at(-1)!.toFixed(1)} ms`)
  console.log(lines.join('\n'))
  expect(coverage).toBeGreaterThan(0.98)
  expect(coverage).toBeLessThanOrEqual(1.0001)
  expect(errors).toEqual([])
})

test('a reload mid-beat: the beat is one record, its lost seconds counted, and the debrief marks them', async ({ page }) => {
  test.setTimeout(420_000)
  const t0 = Date.now()
  const step = (what: string) => console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${what}`)
  await openChildEye(page, 'RL18', { url: '/?speed=1&xr=emulate' })
  const D = plannedDirs([0, 1.0, 0])
  await enterDriven(page, D.parents, {})
  step('in the headset')
  await beatIs(page, 'mother-confronts', 60_000)
  await page.waitForTimeout(1800)
  const lastFrameBefore = await page.evaluate(() => ({ wall: Date.now(), frames: (window as unknown as { __headPath: { frames: number[] } }).__headPath.frames.length }))
  step('reload')
  await page.reload()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'mother-confronts')
  step('reloaded')
  await page.waitForTimeout(1000)
  const reenteredWall = await page.evaluate(() => Date.now())
  await enterDriven(page, D.parents, {})
  await page.waitForFunction(() => ((window as unknown as { __headPath: { frames: number[] } }).__headPath?.frames.length ?? 0) > 0)
  const firstFrameWall = await page.evaluate(() => Date.now())
  expect(lastFrameBefore.frames).toBeGreaterThan(0)
  step('back in the headset')

  // The beat after the reloaded one has started, so the reloaded beat's record is in the log.
  await beatIs(page, 'mother-smells-drink', 120_000)
  step('next beats')

  const records = (await storedRecords<Rec>(page, 'events')).sort((a, b) => a.seq - b.seq)
  const confronts = records.filter((r) => r.type === 'head.dwell' && r.data.beat === 'mother-confronts')
  expect(confronts).toHaveLength(1)
  const rec = confronts[0]!.data
  expect(rec.resumed).toBe(true)
  // Lost: from the last commit before the reload (at most a second before it) to the first frame after it.
  const lostAtLeast = reenteredWall - lastFrameBefore.wall
  const lostAtMost = firstFrameWall - lastFrameBefore.wall + 1000 + 100
  console.log(`reload: missing ${rec.missingMs} ms (between ${lostAtLeast} and ${lostAtMost}), measured ${rec.durationMs} ms, parents share ${rec.targets.parents.share}`)
  expect(rec.missingMs).toBeGreaterThanOrEqual(lostAtLeast)
  expect(rec.missingMs).toBeLessThanOrEqual(lostAtMost)
  // The head held on the parents all along: every measured moment is theirs, before and after the reload.
  expect(rec.targets.parents.share).toBe(1)
  expect(rec.durationMs).toBeGreaterThan(1500)
  // The other beats are whole: no beat but the reloaded one is marked.
  expect(records.filter((r) => r.type === 'head.dwell' && r.data.resumed)).toHaveLength(1)

  // The file the trainer would get, made from the stored log the way the app's export makes it.
  const [meta] = await storedRecords<SessionMeta>(page, 'sessions')
  const bundle = buildSessionBundle({ meta: meta!, events: records as unknown as LogRecord[], appVersion: 'e2e' })
  await openDebrief(page)
  await upload(page, [jsonUpload('reloaded.json', bundle)])
  await messageFor(page, 'reloaded.json', 'added')
  const chart = page.getByTestId('chart-dwell')
  await expect(chart).toBeVisible()
  // The trainer reads a beat by its words, not its id: the first sentence of the line it plays, taken here from the
  // scene file itself.
  const beatName = 'Waar was je?'
  expect(readFileSync(join(import.meta.dirname, '../../scenes/child-eye/scene.yaml'), 'utf8')).toContain(`nl: "${beatName} `)
  const rows = page.getByTestId('dwell-beat')
  await expect(rows.filter({ hasText: beatName })).toHaveCount(1)
  await expect(page.getByTestId('chart-dwell')).not.toContainText('mother-confronts')
  const marked = page.getByTestId('dwell-missing').filter({ hasText: beatName })
  await expect(marked).toHaveCount(1)
  const lostSeconds = (rec.missingMs / 1000).toLocaleString('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
  await expect(marked).toContainText(`${lostSeconds} s niet gemeten`)
  await expect(marked).toContainText('herladen')
})
