import { useFrame } from '@react-three/fiber'
import { useRef } from 'react'
import type { Camera, Object3D, WebGLRenderer } from 'three'
import { eyeSnapshot, lookCheck, type LookReport } from './testViews.ts'

/** What the client saw during one beat (tests only): the worst look check of the beat and a picture of it. */
export interface BeatLook extends LookReport {
  /** A PNG data URL of the left eye's view, once the figures had settled into the beat's poses (or as late as the beat allowed). */
  shot: string | null
}

const settleMs = 700
const everyFrames = 6

/**
 * In test builds only: at the start of each beat and once its poses have settled, checks what the client sees (see lookCheck) and keeps the worst per beat,
 * with one picture per beat, for the e2e tests that look and for the gallery. Production builds do nothing here.
 */
export function useLookRecorder(beat: string, world: Object3D, gl: WebGLRenderer, view: () => Camera, ownBody?: string): () => Record<string, BeatLook> {
  const looks = useRef<Record<string, BeatLook>>({})
  const state = useRef({ beat: '', since: 0, frame: 0, settledShot: false })
  useFrame(() => {
    if (!__TEST_MODE__) return
    const s = state.current
    const now = performance.now()
    if (s.beat !== beat) Object.assign(s, { beat, since: now, frame: 0, settledShot: false })
    if (s.frame++ % everyFrames !== 0) return
    const before = looks.current[beat]
    const settled = now - s.since >= settleMs
    // Twice a beat (ray casts over skinned figures are not cheap): as soon as it starts, and once the poses settled.
    if (before && (!settled || s.settledShot)) return
    if (settled) s.settledShot = true
    const eye = view()
    const report = lookCheck(world, eye, ownBody)
    const shot = eyeSnapshot(gl, world, eye, 480)
    looks.current[beat] = {
      occluded: [...(before?.occluded ?? []), ...report.occluded.filter((o) => !before?.occluded.some((b) => b.button === o.button))],
      buttons: Math.max(before?.buttons ?? 0, report.buttons),
      closest: !before?.closest || (report.closest && report.closest.distance < before.closest.distance) ? report.closest : before.closest,
      ownBodyAboveChin: before?.ownBodyAboveChin == null || (report.ownBodyAboveChin !== null && report.ownBodyAboveChin < before.ownBodyAboveChin) ? report.ownBodyAboveChin : before.ownBodyAboveChin,
      shot,
    }
  })
  return () => looks.current
}
