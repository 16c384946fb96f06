export interface Onset {
  /** Timestamp of the animation frame that first shows the picture (performance clock). */
  onsetMs: number
  /**
   * That frame's timestamp minus the one before: 16.7 at 60 Hz; 33.3 shows a throttled device. Null when the browser
   * gave both frames the same timestamp, which headless Chromium sometimes does under load: an interval of 0 ms is not
   * a fact about the display, and the debrief rightly refuses it.
   */
  frameIntervalMs: number | null
}

/**
 * Applies `show` inside an animation frame and returns that frame's timestamp as the onset: the image becomes
 * visible with that frame, which is closer to the truth than a timestamp taken after changing the DOM
 * (src/drill/README.md, "Stimulus onset"). A preceding frame gives the frame interval around onset.
 */
export function showOnNextFrame(show: () => void, raf: (cb: FrameRequestCallback) => number = requestAnimationFrame): Promise<Onset> {
  return new Promise((resolve) => {
    raf((previous) => {
      raf((frame) => {
        show()
        resolve({ onsetMs: frame, frameIntervalMs: frame > previous ? frame - previous : null })
      })
    })
  })
}
