import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { jsonUpload, messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, storedRecords, test } from './fixtures.ts'
import { dirTo, installHeadDriver, type Dir, type Step } from './headPath.ts'
import { headsetViewport } from '../../scripts/browser/chromium.ts'
import { beatIs, openChildEye } from './vrFlow.ts'
import { buildSessionBundle } from '../../src/export/sessionBundle.ts'
import type { LogRecord } from '../../src/engine/runtime.ts'
import type { SessionMeta } from '../../src/storage/sessionStore.ts'

/**
 * Head-direction dwell across a reload (issue 18): the emulated headset's head is held by a scripted driver at every
 * XR frame, the page is reloaded mid-beat, and the beat must stay one record with its lost seconds counted and
 * shown in the debrief. The whole-scene comparison with a truth computed from a driven path is out of the suite
 * (README, "Where the client looked").
 */

interface Rec {
  seq: number
  type: string
  t: number
  wall: string
  data: Record<string, any>
}

/** Enters the headset with the driver already on it, so that the app's first headset frame is the path's first. */
async function enterDriven(page: Page, start: Dir, scripts: Record<string, Step[]>) {
  await page.setViewportSize(headsetViewport)
  await page.waitForFunction(() => (window as unknown as { __iwer?: unknown }).__iwer !== undefined)
  await installHeadDriver(page, start, scripts)
  await page.getByRole('button', { name: 'Start in de VR-bril' }).click()
  await page.waitForFunction(() => (window as unknown as { __iwer?: { activeSession?: unknown } }).__iwer?.activeSession !== undefined)
  await page.waitForFunction(() => (window as unknown as { __perspectiefVr?: unknown }).__perspectiefVr !== undefined)
}

/** The directions the path uses: from the eye to each target's centre, and a spot on the empty wall. */
function plannedDirs(eye: readonly number[]) {
  const centres: Record<string, number[]> = { parents: [-1.05, 1.35, -2.5], door: [-0.9, 1.025, -1.8], room: [-0.9, 0.8, 1.0], window: [1.6, 1.45, 0.25] }
  const d = Object.fromEntries(Object.entries(centres).map(([k, c]) => [k, dirTo(eye, c)])) as Record<'parents' | 'door' | 'room' | 'window', Dir>
  return { ...d, wall: { yaw: -45, pitch: 0 } as Dir }
}

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
