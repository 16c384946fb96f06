import type { DrillMove } from '../engine/drill/drillTypes.ts'

export interface SwipeResult {
  response: DrillMove
  touchdownMs: number
  initiationMs: number | null
  completionMs: number
}

export interface SwipeOptions {
  /** Movement along the vertical axis, in CSS px, that counts as initiation. */
  initiationPx: number
  /** Movement, in CSS px, at which the swipe is complete (the exit line). */
  exitPx(): number
  /** Called with the finger's vertical offset while it moves, so the picture can follow. */
  onMove(offsetPx: number): void
  /** An unfinished swipe was let go: the picture goes back. */
  onCancel(): void
  onSwipe(result: SwipeResult): void
}

/**
 * Turns pointer events on the swipe area into a timed swipe. All times are `event.timeStamp` (taken when the
 * input happened, not when the handler ran); coalesced events give the first crossing of each line exactly.
 * Up is push (away from the body), down is pull (towards it).
 */
export function listenForSwipe(area: HTMLElement, options: SwipeOptions) {
  let armed = false
  let active: { pointerId: number; startY: number; touchdownMs: number; initiationMs: number | null } | null = null

  const down = (e: PointerEvent) => {
    if (!armed || active || !e.isPrimary) return
    e.preventDefault()
    active = { pointerId: e.pointerId, startY: e.clientY, touchdownMs: e.timeStamp, initiationMs: null }
    area.setPointerCapture?.(e.pointerId)
  }
  const move = (e: PointerEvent) => {
    if (!active || e.pointerId !== active.pointerId) return
    e.preventDefault()
    const samples = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : []
    for (const sample of samples.length > 0 ? samples : [e]) {
      const offset = sample.clientY - active.startY
      if (active.initiationMs === null && Math.abs(offset) >= options.initiationPx) active.initiationMs = sample.timeStamp
      if (Math.abs(offset) >= options.exitPx()) {
        const result: SwipeResult = {
          response: offset < 0 ? 'push' : 'pull',
          touchdownMs: active.touchdownMs,
          initiationMs: active.initiationMs,
          completionMs: sample.timeStamp,
        }
        active = null
        armed = false
        options.onSwipe(result)
        return
      }
      options.onMove(offset)
    }
  }
  const up = (e: PointerEvent) => {
    if (!active || e.pointerId !== active.pointerId) return
    active = null
    options.onCancel()
  }

  area.addEventListener('pointerdown', down, { passive: false })
  area.addEventListener('pointermove', move, { passive: false })
  area.addEventListener('pointerup', up)
  area.addEventListener('pointercancel', up)
  return {
    /** Accept a swipe for the picture now on screen. */
    arm() {
      armed = true
      active = null
    },
    disarm() {
      armed = false
      active = null
    },
    dispose() {
      area.removeEventListener('pointerdown', down)
      area.removeEventListener('pointermove', move)
      area.removeEventListener('pointerup', up)
      area.removeEventListener('pointercancel', up)
    },
  }
}
