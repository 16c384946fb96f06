import type { Tilt } from '../engine/drill/trialList.ts'
import { el } from './drillScreen.ts'

/**
 * The swipe area: one picture, centred, that shrinks as the finger pushes it up and grows as it pulls it down.
 * `touch-action: none` (in drill.css) keeps the browser from scrolling or zooming during a trial.
 */
export function createStage() {
  const frame = el('div', { className: 'stimulus-frame' })
  const area = el('div', { className: 'swipe-area' }, frame)
  area.dataset.testid = 'swipe-area'
  const progress = el('div', { className: 'progress', role: 'progressbar' })
  const progressFill = el('div', { className: 'progress-fill' })
  progress.append(progressFill)
  const message = el('p', { className: 'stage-message', role: 'status' })
  const root = el('div', { className: 'stage' }, progress, area, message)
  let tiltDeg = 0

  const transform = (scale: number, offsetPx: number) => {
    frame.style.transform = `translateY(${offsetPx}px) scale(${scale}) rotate(${tiltDeg}deg)`
  }
  return {
    root,
    area,
    setProgress(n: number, total: number, label: string) {
      progressFill.style.width = `${Math.round((100 * n) / total)}%`
      progress.setAttribute('aria-valuenow', String(n))
      progress.setAttribute('aria-valuemax', String(total))
      progress.setAttribute('aria-label', label)
    },
    fixation() {
      frame.replaceChildren(el('span', { className: 'fixation', textContent: '+' }))
      frame.className = 'stimulus-frame'
      delete frame.dataset.onset
      message.textContent = ''
      tiltDeg = 0
      transform(1, 0)
    },
    /** Puts the decoded picture on screen; call inside the onset frame. */
    show(img: HTMLImageElement, stimulusId: string, category: string, tilt: Tilt | undefined) {
      tiltDeg = tilt === 'left' ? -9 : tilt === 'right' ? 9 : 0
      frame.className = 'stimulus-frame'
      frame.dataset.stimulus = stimulusId
      frame.dataset.category = category
      transform(1, 0)
      frame.replaceChildren(img)
    },
    markOnset(onsetMs: number) {
      frame.dataset.onset = String(onsetMs)
    },
    /** Follows the finger: up shrinks (away), down grows (towards). */
    follow(offsetPx: number, exitPx: number) {
      const share = Math.max(-1, Math.min(1, offsetPx / exitPx))
      transform(share < 0 ? 1 + share * 0.55 : 1 + share * 0.7, share * exitPx * 0.35)
    },
    settle() {
      transform(1, 0)
    },
    leave(direction: 'push' | 'pull') {
      frame.className = `stimulus-frame leaving-${direction}`
    },
    clear() {
      frame.replaceChildren()
      delete frame.dataset.onset
      delete frame.dataset.stimulus
    },
    say(text: string, tone: 'calm' | 'feedback') {
      message.className = `stage-message ${tone}`
      message.textContent = text
    },
  }
}

export type Stage = ReturnType<typeof createStage>
