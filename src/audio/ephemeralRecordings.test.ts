import { describe, expect, it } from 'vitest'
import { createEphemeralRecordings } from './ephemeralRecordings.ts'

describe('ephemeralRecordings', () => {
  it('keeps recordings by item until they are discarded', () => {
    const recordings = createEphemeralRecordings()
    recordings.keep('answer-1', { blob: new Blob(['x']), durationMs: 1200 })
    expect(recordings.get('answer-1')?.durationMs).toBe(1200)
    expect(recordings.count()).toBe(1)
    recordings.discardAll()
    expect(recordings.get('answer-1')).toBeUndefined()
    expect(recordings.count()).toBe(0)
  })

  it('replaces an earlier recording of the same item', () => {
    const recordings = createEphemeralRecordings()
    recordings.keep('reply-1', { blob: new Blob(['a']), durationMs: 800 })
    recordings.keep('reply-1', { blob: new Blob(['b']), durationMs: 900 })
    expect(recordings.count()).toBe(1)
    expect(recordings.get('reply-1')?.durationMs).toBe(900)
  })
})
