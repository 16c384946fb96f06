import { describe, expect, it } from 'vitest'
import { createEphemeralRecordings } from './ephemeralRecordings.ts'

describe('ephemeralRecordings', () => {
  it('keeps recordings by item until they are discarded, and remembers that they were', () => {
    const recordings = createEphemeralRecordings()
    expect(recordings.wasDiscarded()).toBe(false)
    recordings.keep('answer-1', { blob: new Blob(['x']), durationMs: 1200 })
    expect(recordings.get('answer-1')?.durationMs).toBe(1200)
    expect(recordings.count()).toBe(1)
    recordings.discardAll()
    expect(recordings.get('answer-1')).toBeUndefined()
    expect(recordings.count()).toBe(0)
    expect(recordings.wasDiscarded()).toBe(true)
  })

  it('does not call an empty store discarded', () => {
    const recordings = createEphemeralRecordings()
    recordings.discardAll()
    expect(recordings.wasDiscarded()).toBe(false)
  })
})
