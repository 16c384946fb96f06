import { afterEach, describe, expect, it, vi } from 'vitest'
import { createVoiceRecorder } from './voiceRecorder.ts'

/** A fake microphone: each getUserMedia call waits until the test grants it, and its track remembers being stopped. */
function fakeMicrophone() {
  const requests: { grant(): void; stopped: () => boolean }[] = []
  vi.stubGlobal('MediaRecorder', class {})
  vi.stubGlobal('navigator', {
    mediaDevices: {
      getUserMedia: () =>
        new Promise((resolve) => {
          let stopped = false
          const stream = { getTracks: () => [{ stop: () => (stopped = true) }] }
          requests.push({ grant: () => resolve(stream), stopped: () => stopped })
        }),
    },
  })
  return requests
}

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('the voice recorder and the microphone', () => {
  it('opened, closed and opened again while the browser asks (StrictMode), keeps one stream and stops the other', async () => {
    const requests = fakeMicrophone()
    const recorder = createVoiceRecorder()
    const first = recorder.open()
    recorder.close()
    const second = recorder.open()
    expect(requests).toHaveLength(2)
    requests[0]!.grant()
    requests[1]!.grant()
    expect(await first).toBe('none')
    expect(await second).toBe('ready')
    // The first stream had no owner once closed: its track is stopped, so the microphone light can go off.
    expect(requests[0]!.stopped()).toBe(true)
    expect(requests[1]!.stopped()).toBe(false)
    expect(recorder.state()).toBe('ready')
    recorder.close()
    expect(requests[1]!.stopped()).toBe(true)
  })

  it('asks once when opened twice before the answer', async () => {
    const requests = fakeMicrophone()
    const recorder = createVoiceRecorder()
    const a = recorder.open()
    const b = recorder.open()
    expect(requests).toHaveLength(1)
    requests[0]!.grant()
    expect(await a).toBe('ready')
    expect(await b).toBe('ready')
    recorder.close()
    expect(requests[0]!.stopped()).toBe(true)
  })
})
