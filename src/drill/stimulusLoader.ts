/**
 * Loads and decodes pictures before their trials: the first trials' pictures first, on their own and at high
 * priority (the first trial waits for them), the rest streaming in behind them, a few at a time.
 */
export function createStimulusLoader(urls: Map<string, string>, order: string[], concurrency = 4, urgent = 3) {
  const ready = new Map<string, Promise<HTMLImageElement>>()
  const queue = [...new Set(order)].filter((id) => urls.has(id))
  let running = 0

  const load = (id: string, priority: 'high' | 'auto' = 'auto') => {
    let promise = ready.get(id)
    if (!promise) {
      const img = new Image()
      img.decoding = 'async'
      // A picture outside the page is fetched at low priority; one a trial waits for should not queue behind others.
      img.fetchPriority = priority
      img.alt = ''
      // Lets the browser report when the picture was actually painted (Element Timing, where supported): the bench's
      // independent truth for the onset (README, "Measured").
      img.setAttribute('elementtiming', 'stimulus')
      img.src = urls.get(id)!
      promise = img.decode().then(() => img)
      ready.set(id, promise)
    }
    return promise
  }

  const pump = () => {
    while (running < concurrency && queue.length > 0) {
      const id = queue.shift()!
      if (ready.has(id)) continue
      running++
      load(id)
        .catch(() => undefined)
        .finally(() => {
          running--
          pump()
        })
    }
  }
  // The first pictures have the line to themselves: on a slow line, the next ones would share its bandwidth.
  const first = queue.splice(0, urgent)
  void Promise.allSettled(first.map((id) => load(id, 'high'))).then(pump)

  return {
    /** The decoded picture; waits for it (and jumps the queue) if it is not ready yet. */
    get(id: string): Promise<HTMLImageElement> {
      if (!urls.has(id)) return Promise.reject(new Error(`no picture "${id}"`))
      return load(id, 'high')
    },
    /** Resolves when the first `n` distinct pictures of the order are decoded. */
    firstReady(n: number): Promise<void> {
      return Promise.all([...new Set(order)].slice(0, n).map((id) => load(id, 'high'))).then(() => undefined)
    },
  }
}
