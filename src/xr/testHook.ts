import type { Vector3 } from 'three'
import type { BeatLook } from './lookRecorder.ts'

export interface VrTestHook {
  beat: string
  /** How far the XR origin was moved up or down to put the head at the child's eye height. */
  originY: number
  eye: number
  renderStats: Record<string, { calls: number; triangles: number }>
  targets: Record<string, Vector3>
  /** World centres of every VR button by id (`feeling:sad`, `resume`, …), for aiming a controller. */
  buttons(): Record<string, [number, number, number]>
  /** The camera's world position. */
  camera(): [number, number, number]
  /** The world orientation (x, y, z, w) of the view the renderer draws now: in a headset the XR camera's. */
  viewQuaternion(): [number, number, number, number]
  /** Whether a ray from the eyes to each figure's chest reaches it before any wall. */
  figuresInSight(): Record<string, boolean>
  /** Converts a world point to the XR reference space (the XR origin is moved and, in some scenes, turned). */
  toReference(p: readonly [number, number, number]): [number, number, number]
  /** A PNG data URL of what the left eye sees (in a headset the page canvas shows nothing). */
  snapshot(): string
  /** What the client saw in each beat so far, by beat id (see useLookRecorder; pages opened with `?look` only). */
  looks(): Record<string, BeatLook>
  /** Future-self scene: which chair the client sits in. */
  seat?: 'present' | 'future'
  /** Future-self scene: the client's own recorded voice, as the playback chain hears it. */
  voice?: {
    playing(): boolean
    /** RMS level of the playback now, 0..1. */
    level(): number
    /** The strongest frequency of the playback now, in Hz. */
    dominantHz(): number
    /** The panner's position while playing (world metres). */
    position(): readonly [number, number, number] | null
    /** How many recordings are held in memory now. */
    recordings(): number
    recording(): boolean
  }
}

/**
 * In test builds only, the VR view publishes what an e2e test cannot see through pixels: the beat, the eye
 * height, where targets are, and the render counts per beat. Production builds compile this to nothing.
 */
export function publishTestHook(hook: VrTestHook): void {
  if (!__TEST_MODE__) return
  ;(window as unknown as { __perspectiefVr: VrTestHook }).__perspectiefVr = hook
}
