import type { EphemeralRecording } from './ephemeralRecordings.ts'

/** What the microphone can do here: recording works, the client or browser said no, or there is no microphone. */
export type MicrophoneState = 'ready' | 'refused' | 'none'

export interface VoiceRecorder {
  /** Asks for the microphone once (call it inside a click, before entering VR, so the prompt is on the 2D page). */
  open(): Promise<MicrophoneState>
  state(): MicrophoneState | 'unknown'
  /** Starts a recording; it stops by itself after `maxMs`, and `stop` then still returns it. */
  start(maxMs: number): void
  recording(): boolean
  /** Stops and returns the recording, or null when nothing was recorded. */
  stop(): Promise<EphemeralRecording | null>
  /** Drops a recording in progress without keeping it. */
  cancel(): void
  /** Releases the microphone (the browser's recording indicator goes off). */
  close(): void
}

/** MediaRecorder on the default microphone. Chunks stay in memory; nothing is written anywhere. */
export function createVoiceRecorder(): VoiceRecorder {
  let stream: MediaStream | null = null
  let state: MicrophoneState | 'unknown' = 'unknown'
  /** The microphone request under way, shared by every open() until it settles or close() runs. */
  let pending: Promise<MicrophoneState> | null = null
  /** Counts close() calls: a request that settles after a close belongs to a closed recorder. */
  let closes = 0
  let active: {
    recorder: MediaRecorder
    chunks: Blob[]
    startedAt: number
    stoppedAt: number | null
    timer: ReturnType<typeof setTimeout>
    /** Resolves once the recorder has handed over its last data (its `stop` event), or at once if it had stopped already. */
    done: Promise<void>
    settle(): void
  } | null = null

  const finish = () => {
    if (!active) return
    clearTimeout(active.timer)
    active.stoppedAt ??= performance.now()
    if (active.recorder.state !== 'inactive') active.recorder.stop()
    else active.settle()
  }

  return {
    open() {
      if (state !== 'unknown') return Promise.resolve(state)
      if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') return Promise.resolve((state = 'none'))
      const openedAfter = closes
      pending ??= (async (): Promise<MicrophoneState> => {
        try {
          // The raw voice: played back to the client as their own, it should sound like them, not like a phone call.
          const granted = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false }, video: false })
          // Closed while the browser asked (React's StrictMode opens, closes and opens again): this stream has no
          // owner, and left running it would keep the microphone, and the browser's recording light, on.
          if (closes !== openedAfter) {
            granted.getTracks().forEach((t) => t.stop())
            return 'none'
          }
          stream = granted
          return (state = 'ready')
        } catch (error) {
          if (closes !== openedAfter) return 'none'
          const name = (error as DOMException).name
          return (state = name === 'NotFoundError' || name === 'OverconstrainedError' ? 'none' : 'refused')
        } finally {
          if (closes === openedAfter) pending = null
        }
      })()
      return pending
    },
    state: () => state,
    start(maxMs) {
      if (!stream || active) return
      const recorder = new MediaRecorder(stream)
      const chunks: Blob[] = []
      recorder.ondataavailable = (e) => e.data.size > 0 && chunks.push(e.data)
      let settle = () => {}
      const done = new Promise<void>((resolve) => (settle = resolve))
      recorder.addEventListener('stop', () => settle(), { once: true })
      // A recorder that fails (the microphone went away) ends the recording with what it has.
      recorder.addEventListener('error', () => settle(), { once: true })
      active = { recorder, chunks, startedAt: performance.now(), stoppedAt: null, timer: setTimeout(finish, maxMs), done, settle }
      recorder.start(250)
    },
    recording: () => active !== null && active.recorder.state === 'recording',
    async stop() {
      if (!active) return null
      const current = active
      finish()
      await current.done
      active = null
      if (current.chunks.length === 0) return null
      const durationMs = Math.round((current.stoppedAt ?? performance.now()) - current.startedAt)
      return { blob: new Blob(current.chunks, { type: current.recorder.mimeType || 'audio/webm' }), durationMs }
    },
    cancel() {
      if (!active) return
      active.chunks.length = 0
      finish()
      active = null
    },
    close() {
      this.cancel()
      stream?.getTracks().forEach((t) => t.stop())
      stream = null
      // A later open() asks again; a request still under way stops its own stream when it comes.
      closes++
      pending = null
      state = 'unknown'
    },
  }
}
