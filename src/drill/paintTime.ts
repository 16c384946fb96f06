/**
 * When the browser really painted a picture: Element Timing entries for images marked `elementtiming` (the stimulus
 * loader marks every picture). This is the browser's own record, later than the onset frame's timestamp by the time
 * the frame took to reach the screen. Chromium-based browsers report it (also for an image inserted again, as a
 * repeated picture is); Safari and Firefox do not, and there `watchPaints` does nothing.
 */
export function paintTimesSupported(): boolean {
  return typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('element')
}

type ElementTiming = PerformanceEntry & { element: Element | null; renderTime: number }

/** Calls `onPaint` with each marked image and its paint time (performance clock). Returns a function that stops. */
export function watchPaints(onPaint: (element: Element, renderTime: number) => void): () => void {
  if (!paintTimesSupported()) return () => undefined
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as ElementTiming[]) {
      // renderTime is 0 for a cross-origin image without Timing-Allow-Origin; the drill's pictures are its own.
      if (entry.element && entry.renderTime > 0) onPaint(entry.element, entry.renderTime)
    }
  })
  observer.observe({ type: 'element' })
  return () => observer.disconnect()
}
