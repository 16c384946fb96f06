import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import { Vector3, type Camera, type Object3D, type WebGLRenderer } from 'three'
import { eyeOf, eyeSnapshot, figuresInSight, lookCheck, type LookReport } from './testViews.ts'

/** Where a figure was and what it did at the end of a beat, as drawn (tests only). */
export interface FigureAtBeat {
  /** Drawn at all (a figure away from home is not). */
  shown: boolean
  /** A ray from the eyes to its chest reaches it before anything else. */
  inSight: boolean
  /** Its root's world position (feet, or seat when sitting), metres. */
  position: [number, number, number]
  /** The pose it was given at the last reading (its group's `userData.pose`). */
  pose: string | null
  /** Every pose read during the beat, in order (a one-shot gesture shows here). */
  poses: string[]
}

/** What the client saw during one beat (tests only). */
export interface BeatLook extends LookReport {
  /** A PNG data URL of the left eye's view, once the figures had settled into the beat (or as late as the beat allowed). */
  shot: string | null
  /** Each figure as it stood at the beat's last check, by name (`father`, `future-self`, …). */
  figures: Record<string, FigureAtBeat>
  /** The figure the client sat in during the beat's last full check (first person), or null. */
  seenFrom: string | null
}

/** Poses ease over about 0.6 s; the picture and the full look check wait this long into a beat. */
const settleMs = 700
/** Checks run every few frames: ray casts over skinned figures are not cheap. */
const everyFrames = 6

/** The recorder runs only in test builds, and only when the page was opened with `?look` (the tests that look). */
function recording(): boolean {
  return __TEST_MODE__ && new URLSearchParams(window.location.search).has('look')
}

/**
 * Tests that look (test builds, `?look` only): for every beat, what the client saw from the view's eye.
 * - The button and distance checks (lookCheck) run as the beat starts and once its poses have settled; the worst
 *   of each is kept, so a figure that passes close at any check counts.
 * - Each figure's place, pose and visibility are read every few frames and the last reading is kept: that is
 *   where the beat left it, after any walk.
 * - One picture per beat, taken when the poses have settled, for the gallery.
 * `ownBody` names the figure the client sits in (first person; see lookCheck).
 */
export function useLookRecorder(beat: string, world: Object3D, gl: WebGLRenderer, view: () => Camera, ownBody?: string): () => Record<string, BeatLook> {
  const looks = useRef<Record<string, BeatLook>>({})
  const on = useRef<boolean | null>(null)
  const state = useRef({ beat: '', since: 0, frame: 0, settledCheck: false, poses: {} as Record<string, Set<string>> })
  useFrame(() => {
    on.current ??= recording()
    if (!on.current) return
    const s = state.current
    const now = performance.now()
    if (s.beat !== beat) Object.assign(s, { beat, since: now, frame: 0, settledCheck: false, poses: {} })
    // Poses are read every frame: a one-shot gesture lasts only a few frames on a slow machine.
    posesDrawn(world, s.poses)
    if (s.frame++ % everyFrames !== 0) return
    const eye = view()
    const before = looks.current[beat]
    const figures = figuresNow(world, eye)
    const settled = now - s.since >= settleMs
    for (const [name, f] of Object.entries(figures)) f.poses = [...(s.poses[name] ?? [])]
    if (before && (!settled || s.settledCheck)) {
      before.figures = figures
      return
    }
    if (settled) s.settledCheck = true
    const report = lookCheck(world, eye, ownBody)
    looks.current[beat] = {
      occluded: [...(before?.occluded ?? []), ...report.occluded.filter((o) => !before?.occluded.some((b) => b.button === o.button))],
      buttons: Math.max(before?.buttons ?? 0, report.buttons),
      closest: !before?.closest || (report.closest && report.closest.distance < before.closest.distance) ? report.closest : before.closest,
      ownBodyAboveChin: worse(before?.ownBodyAboveChin ?? null, report.ownBodyAboveChin),
      shot: settled || !before ? eyeSnapshot(gl, world, eye, 480) : before.shot,
      figures,
      seenFrom: ownBody ?? null,
    }
  })
  return () => looks.current
}

/** The nearer of two distances, where null means nothing was there. */
function worse(a: number | null, b: number | null): number | null {
  if (a === null) return b
  if (b === null) return a
  return Math.min(a, b)
}

/** Adds the pose each figure is drawn in now to its set for the beat. */
function posesDrawn(world: Object3D, into: Record<string, Set<string>>) {
  for (const o of world.children) collectPoses(o, into)
}

function collectPoses(o: Object3D, into: Record<string, Set<string>>) {
  if (o.name.startsWith('figure:')) {
    if (typeof o.userData.pose === 'string') (into[o.name.slice('figure:'.length)] ??= new Set()).add(o.userData.pose)
    return
  }
  for (const c of o.children) collectPoses(c, into)
}

function figuresNow(world: Object3D, view: Camera): Record<string, FigureAtBeat> {
  world.updateMatrixWorld()
  const eye = eyeOf(view)
  const sight = figuresInSight(world, eye, 1.0)
  const out: Record<string, FigureAtBeat> = {}
  world.traverse((o) => {
    if (!o.name.startsWith('figure:')) return
    const name = o.name.slice('figure:'.length)
    let shown = true
    for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) shown = false
    const p = o.getWorldPosition(new Vector3())
    const pose = typeof o.userData.pose === 'string' ? o.userData.pose : null
    out[name] = { shown, inSight: sight[name] ?? false, position: [p.x, p.y, p.z], pose, poses: [] }
  })
  return out
}
