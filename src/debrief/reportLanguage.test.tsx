/**
 * Must-show 2 of issue 15, the string check: the debrief report of a realistic session of each scene in scenes/,
 * rendered in Dutch and in English. The Dutch report shows no scene id (answer values, item ids, beat ids, target
 * ids, measure ids) and no English word of the string tables; the English report shows no Dutch one.
 *
 * Sessions run through the engine as on a device (answers, cues, waits, head samples for the VR scenes, a safety
 * pause, two reloads, a stop after a pause); the drill comes from the test fixture. Every file passes the import
 * checks first, so the report is of files the debrief would open.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanup, render } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { drillBundle } from '../../test/fixtures/sampleBundles.ts'
import { manualClock, type SessionClock } from '../engine/clock.ts'
import { machineFor } from '../engine/machineCache.ts'
import { createSceneRuntime, type SceneRuntime } from '../engine/runtime.ts'
import { buildSessionBundle, type SessionBundle } from '../export/sessionBundle.ts'
import { useLanguage } from '../i18n/languageStore.ts'
import { strings } from '../i18n/strings.ts'
import { summariseScene } from '../log/sceneSummary.ts'
import type { BundledScene } from '../script/bundledScene.ts'
import type { Language } from '../script/localized.ts'
import { parseScene } from '../script/parse.ts'
import type { ParamValues, ScenarioScript } from '../script/schema.ts'
import { scriptHash } from '../script/scriptHash.ts'
import { createMemoryStore } from '../storage/memoryStore.ts'
import { allianceStrings } from './alliance/allianceText.ts'
import { ClientReport } from './ClientReport.tsx'
import { groupByClient } from './clientGroups.ts'
import { checkBundle } from './importFile.ts'
import { sceneInfoOf, type SceneInfo } from './sceneInfo.ts'
import { sessionFacts } from './sessionFacts.ts'

afterEach(cleanup)

const clientCode = 'AB12'

async function loadScenes(): Promise<BundledScene[]> {
  const dirs = readdirSync('scenes', { withFileTypes: true }).filter((d) => d.isDirectory())
  return Promise.all(
    dirs.map(async (d) => {
      const file = join('scenes', d.name, 'scene.yaml')
      const parsed = parseScene(readFileSync(file, 'utf8'), file)
      if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
      return { script: parsed.script, hash: await scriptHash(parsed.script), file, stimulusSets: {} }
    }),
  )
}

/** The page clock starts again at 0 on every page load, as `performance.now()` does; the wall clock runs on. */
function pageClock(base: ReturnType<typeof manualClock>): SessionClock {
  const pageStart = base.perf()
  return { now: base.now, perf: () => base.perf() - pageStart, schedule: base.schedule }
}

/** An answer a client could give: a real option, a point on the scale, a short text, today's date. */
function answerFor(script: ScenarioScript, itemId: string, today: string, spokenSoFar: number): string | number | null {
  const item = script.items[itemId]!
  switch (item.type) {
    case 'choice':
      return item.options[item.options.length > 2 ? 1 : 0]!.value
    case 'spoken':
      // The first spoken answer is said aloud, the others chosen: both show in the report.
      return spokenSoFar === 0 ? 'spoken' : item.options[0]!.value
    case 'likert':
      return Math.min(item.points, 5)
    case 'circles':
      return 4
    case 'slider':
      return item.min
    case 'text':
      // Language-neutral on purpose: the client's own words are shown as they are, in either report.
      return 'OK'
    case 'date':
      return today
  }
}

interface RunPlan {
  /** Steps (beats passed) after which the page reloads. */
  reloads: number[]
  /** Step at which the trainer pauses and resumes. */
  pauseAt: number
  /** Stop after the pause instead of going on (the trainer ends the scene). */
  stopAfterPause?: boolean
}

/** Runs a scene from its start as a device would, with reloads, a safety pause and head samples, and bundles it. */
async function runScene(scene: BundledScene, sessionNumber: number, plan: RunPlan): Promise<SessionBundle> {
  const { script } = scene
  const base = manualClock(Date.UTC(2026, 4, 12, 10) + sessionNumber * 86_400_000)
  const today = new Date(base.now()).toISOString().slice(0, 10)
  const params: ParamValues = Object.fromEntries(Object.entries(script.params).map(([k, p]) => [k, p.default]))
  const store = createMemoryStore()
  const id = `${script.id}-${sessionNumber}`.padEnd(32, '0')
  const now = new Date(base.now()).toISOString()
  const meta = { id, clientCode, sceneId: script.id, sceneVersion: script.version, scriptHash: scene.hash, params, status: 'active' as const, createdAt: now, updatedAt: now, eventCount: 0, sessionNumber }
  await store.createSession(meta)
  const open = async (resume: boolean): Promise<SceneRuntime> => {
    const runtime = createSceneRuntime({
      machine: machineFor(script, scene.hash),
      sceneId: script.id,
      scriptHash: scene.hash,
      appVersion: 'test',
      sessionId: id,
      params,
      persistence: store,
      clock: pageClock(base),
      resumeFrom: resume ? await store.loadSnapshot(id) : undefined,
    })
    await runtime.start()
    return runtime
  }
  let runtime = await open(false)
  let clock = pageClock(base)
  const targets = script.vr?.targets ?? []
  const look = async (k: number) => {
    // The head points at one target (0°), the others lie well away; the next look turns to the next target.
    const at = targets[k % Math.max(1, targets.length)]
    const sample = { t: clock.perf(), yawDeg: 0, targets: Object.fromEntries(targets.map((t) => [t, { angleDeg: t === at ? 0 : 90, coneDeg: 18 }])) }
    await runtime.send({ type: 'head-sample', sample })
  }
  let spoken = 0
  try {
    for (let step = 0; step < script.beats.length * 3 + 10; step++) {
      const view = runtime.getView()
      if (!view || view.status === 'completed') break
      const beat = script.beats.find((b) => b.id === view.beat)!
      if (targets.length > 0) {
        await look(step)
        base.advance(700)
        await look(step + 1)
      }
      base.advance(900)
      if (step === plan.pauseAt) {
        await runtime.send({ type: 'pause', reason: 'trainer' })
        base.advance(2000)
        if (plan.stopAfterPause) {
          await runtime.send({ type: 'stop', reason: 'trainer ended after pause' })
          break
        }
        await runtime.send({ type: 'resume' })
      }
      if (plan.reloads.includes(step)) {
        runtime.stop()
        base.advance(30_000)
        clock = pageClock(base)
        runtime = await open(true)
        continue
      }
      if (beat.ask !== undefined) {
        const value = answerFor(script, beat.ask, today, spoken)
        if (script.items[beat.ask]!.type === 'spoken') spoken++
        await runtime.send({ type: 'answered', beat: beat.id, item: beat.ask, value, latencyMs: 1500 })
      } else if (beat.wait !== undefined) {
        base.advance(beat.wait + 10)
        if (runtime.getView()?.beat === beat.id) await runtime.send({ type: 'deadline' })
      } else if (beat.say !== undefined) {
        await runtime.send({ type: 'continue', beat: beat.id, latencyMs: 1200 })
      } else {
        // A beat that plays a line or a recording moves on when the sound ends.
        const play = beat.do.find((a) => a.type === 'play' || a.type === 'playRecording')
        const line = play?.type === 'play' ? String(play.params.line) : String(play?.params.of ?? '')
        await runtime.send({ type: 'cue-ended', beat: beat.id, line })
      }
    }
  } finally {
    runtime.stop()
  }
  const done = (await store.getSession(id))!
  const events = await store.events(id)
  const summary = { scene: summariseScene(events) }
  const bundle = buildSessionBundle({ meta: done, events, appVersion: 'test', summary, now: new Date(base.now()) })
  // The file as the debrief opens it: it must pass every import check, plausibility included.
  return checkBundle(JSON.parse(JSON.stringify(bundle)))
}

/** Words of a text: runs of letters only (a token with a digit, such as a hash, is no word). */
function wordsOf(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => /^\p{L}+$/u.test(w)).map((w) => w.toLowerCase())
}

/** Every text of a string table in one language, nested arrays and records included. */
function tableTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(tableTexts)
  if (value && typeof value === 'object') return Object.values(value).flatMap(tableTexts)
  return []
}

/** Every Dutch or English text in a scene file (titles, labels, prompts, lines). */
function sceneTexts(value: unknown, language: Language): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => sceneTexts(v, language))
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if (typeof record.nl === 'string' && typeof record.en === 'string') return [record[language] as string]
    return Object.values(record).flatMap((v) => sceneTexts(v, language))
  }
  return []
}

/** The ids a session of this scene logs and a report could show in their place. */
function sceneIds(info: SceneInfo): { id: string; kind: string; labels: string[] }[] {
  const ids: { id: string; kind: string; labels: string[] }[] = []
  for (const [itemId, item] of Object.entries(info.items)) {
    ids.push({ id: itemId, kind: 'item', labels: [item.prompt.nl] })
    for (const [value, label] of Object.entries(item.options ?? {})) ids.push({ id: value, kind: 'answer', labels: [label.nl] })
    if (itemId.endsWith('-before')) ids.push({ id: itemId.slice(0, -'-before'.length), kind: 'measure', labels: [item.prompt.nl] })
  }
  for (const [beat, label] of Object.entries(info.beats ?? {})) ids.push({ id: beat, kind: 'beat', labels: label ? [label.nl] : [] })
  for (const [target, label] of Object.entries(info.targets ?? {})) ids.push({ id: target, kind: 'target', labels: [label.nl] })
  return ids
}

function appears(text: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`(?<![\\p{L}\\p{N}-])${escaped}(?![\\p{L}\\p{N}-])`, 'iu').test(text)
}

describe('the debrief report speaks one language (issue 15, must-show 2)', () => {
  let scenes: BundledScene[] = []
  let bundles: SessionBundle[] = []
  const infos = new Map<string, SceneInfo>()
  const lookup = (id: string) => infos.get(id)

  beforeAll(async () => {
    scenes = await loadScenes()
    for (const s of scenes) infos.set(s.script.id, sceneInfoOf(s.script))
    bundles = []
    for (const [i, scene] of scenes.entries()) {
      if (scene.script.kind === 'drill') {
        // Two drills: a full one, and a short one whose cells are nearly empty, so the score's warnings show.
        bundles.push(drillBundle({ trials: 40, session: 1, clientCode }), drillBundle({ trials: 8, session: 2, clientCode }))
        continue
      }
      // Resumed twice, paused once; the VR scenes also once more, stopped by the trainer after a pause.
      const n = scene.script.beats.length
      bundles.push(await runScene(scene, i + 1, { reloads: [Math.floor(n / 3), Math.floor((2 * n) / 3)], pauseAt: 1 }))
      if (scene.script.kind === 'vr') bundles.push(await runScene(scene, i + 20, { reloads: [], pauseAt: 2, stopAfterPause: true }))
    }
  }, 60_000)

  function reportText(language: Language): string {
    useLanguage.setState({ language })
    const facts = bundles.map((b, i) => sessionFacts(`k${i}`, `${b.scene.id}.json`, b, lookup, language))
    const [group] = groupByClient(facts)
    const { container } = render(<ClientReport group={group!} lookup={lookup} onRemove={() => {}} />)
    // Plot puts a <style> sheet into each chart: CSS, not words anyone reads.
    for (const style of container.querySelectorAll('style')) style.remove()
    // Each text node on its own line: textContent would glue a table cell to the next ("zich?Bang" + "Hoe").
    const parts: string[] = []
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.nodeValue ?? '')
    const text = parts.join('\n')
    cleanup()
    return text
  }

  it('renders a session of every scene', () => {
    const shown = new Set(bundles.map((b) => b.scene.id))
    expect([...shown].sort()).toEqual(scenes.map((s) => s.script.id).sort())
    const text = reportText('nl')
    for (const scene of scenes) expect(text).toContain(scene.script.title.nl)
  })

  it('shows no scene id in the Dutch report', () => {
    const text = reportText('nl')
    const dutchWords = new Set([...tableTexts(strings.nl), ...tableTexts(allianceStrings.nl), ...scenes.flatMap((s) => sceneTexts(s.script, 'nl'))].flatMap(wordsOf))
    const shown: string[] = []
    for (const scene of scenes) {
      for (const { id, kind, labels } of sceneIds(infos.get(scene.script.id)!)) {
        // An id that is an ordinary word cannot be told apart from that word in the text. Two kinds are left out:
        // an id spelled like its own Dutch label ("video" shown as "Video" is the label, not the id), and an id
        // spelled like a Dutch word of the tables or scene texts (the target "door" against "gepauzeerd door de
        // begeleider"). Every other id — hyphenated ones and English words like "scared" or "parents" — is checked.
        if (labels.some((l) => l.toLowerCase() === id.toLowerCase()) || dutchWords.has(id.toLowerCase())) continue
        if (appears(text, id)) shown.push(`${scene.script.id}: ${kind} "${id}"`)
      }
    }
    expect(shown).toEqual([])
  })

  /** Words of four letters or more in `language`'s string tables that occur nowhere in `other`'s tables or scene texts. */
  const wordsOnlyIn = (language: 'nl' | 'en', other: 'nl' | 'en') => {
    const otherWords = new Set([...tableTexts(strings[other]), ...tableTexts(allianceStrings[other]), ...scenes.flatMap((s) => sceneTexts(s.script, other))].flatMap(wordsOf))
    return new Set([...tableTexts(strings[language]), ...tableTexts(allianceStrings[language])].flatMap(wordsOf).filter((w) => w.length >= 4 && !otherWords.has(w)))
  }

  it('shows no English word of the string tables in the Dutch report', () => {
    const text = reportText('nl')
    // Words of four letters or more that occur only in the English tables (not in the Dutch tables or any Dutch
    // scene text): shorter words and shared ones ("score", "training", "check") are the same in both languages.
    const englishOnly = wordsOnlyIn('en', 'nl')
    expect(englishOnly.size).toBeGreaterThan(200)
    expect([...new Set(wordsOf(text).filter((w) => englishOnly.has(w)))]).toEqual([])
  })

  it('shows no Dutch word of the string tables in the English report', () => {
    const text = reportText('en')
    const dutchOnly = wordsOnlyIn('nl', 'en')
    expect(dutchOnly.size).toBeGreaterThan(200)
    expect([...new Set(wordsOf(text).filter((w) => dutchOnly.has(w)))]).toEqual([])
  })
})
