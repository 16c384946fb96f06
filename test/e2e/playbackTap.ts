import type { Page } from '@playwright/test'

/**
 * What the page actually plays, and what the microphone actually recorded, read independently of the app's own
 * figures (its analyser, its `playing()` flag, the `durationMs` it logs).
 *
 * - Played: every node the page connects to an `AudioDestinationNode` (the speakers) is also connected to a tap, an
 *   AudioWorklet that runs on the audio thread and hands over every non-silent 128-frame quantum with its frame
 *   number (`currentFrame`, the audio clock). Nothing is sampled by a main-thread timer or by animation frames
 *   (those belong to the XR session, and the page's main thread is busy drawing both eyes with software GL), so no
 *   sound is missed and every length is counted in frames.
 * - Recorded: every MediaRecorder's own chunks, kept as the blob it handed over, decoded by the test.
 *
 * Installed before the page's first script runs (`addInitScript`); observes only, changes nothing the page hears.
 */

/** Served from the app's own origin, so that the page's Content Security Policy (`script-src 'self'`) allows it. */
const tapModulePath = '/__e2e/playback-tap.js'

const tapModule = `
class PlaybackTap extends AudioWorkletProcessor {
  constructor() {
    super()
    this.pending = null
  }
  flush() {
    if (this.pending) this.port.postMessage(this.pending, [this.pending.left.buffer, this.pending.right.buffer])
    this.pending = null
  }
  process(inputs) {
    const input = inputs[0] || []
    const left = input[0]
    const right = input[1] || left
    let sounding = false
    if (left) for (let c = 0; c < input.length && !sounding; c++) for (let i = 0; i < input[c].length; i++) if (Math.abs(input[c][i]) > 1e-6) { sounding = true; break }
    if (!sounding) {
      this.flush()
      return true
    }
    const n = left.length
    if (this.pending && (this.pending.frame + this.pending.length !== currentFrame || this.pending.length + n > 4096)) this.flush()
    if (!this.pending) this.pending = { frame: currentFrame, length: 0, sampleRate, left: new Float32Array(4096), right: new Float32Array(4096) }
    this.pending.left.set(left, this.pending.length)
    this.pending.right.set(right, this.pending.length)
    this.pending.length += n
    return true
  }
}
registerProcessor('playback-tap', PlaybackTap)
`

/** Runs in the page before any of its scripts. */
function installInPage(modulePath: string) {
  type Chunk = { frame: number; length: number; sampleRate: number; left: Float32Array; right: Float32Array; beat: string | null }
  const w = window as unknown as { __e2eTap: { chunks: Chunk[]; recordings: { beat: string | null; blob: Blob }[]; ready: Promise<void>[] }; __perspectiefVr?: { beat: string } }
  const tap = { chunks: [] as Chunk[], recordings: [] as { beat: string | null; blob: Blob }[], ready: [] as Promise<void>[] }
  w.__e2eTap = tap

  // The recorder's own data, as it hands it over, with the beat it was started in.
  const start = MediaRecorder.prototype.start
  MediaRecorder.prototype.start = function (this: MediaRecorder, ...args: Parameters<MediaRecorder['start']>) {
    const chunks: Blob[] = []
    const beat = w.__perspectiefVr?.beat ?? null
    this.addEventListener('dataavailable', (e) => e.data.size > 0 && chunks.push(e.data))
    this.addEventListener('stop', () => tap.recordings.push({ beat, blob: new Blob(chunks, { type: this.mimeType }) }), { once: true })
    return start.apply(this, args)
  }

  // Everything connected to the speakers, also connected to the tap of its context.
  const connect = AudioNode.prototype.connect as (this: AudioNode, ...args: unknown[]) => unknown
  const disconnect = AudioNode.prototype.disconnect as (this: AudioNode, ...args: unknown[]) => unknown
  const taps = new WeakMap<BaseAudioContext, Promise<AudioWorkletNode>>()
  const tapOf = (ctx: BaseAudioContext) => {
    let node = taps.get(ctx)
    if (!node) {
      node = ctx.audioWorklet.addModule(modulePath).then(() => {
        const worklet = new AudioWorkletNode(ctx, 'playback-tap', { numberOfInputs: 1, numberOfOutputs: 1, channelCount: 2, channelCountMode: 'explicit', channelInterpretation: 'speakers' })
        worklet.port.onmessage = (e: MessageEvent<Omit<Chunk, 'beat'>>) => tap.chunks.push({ ...e.data, beat: w.__perspectiefVr?.beat ?? null })
        // Pulled by the audio graph through a silent gain, so the tap runs; it adds nothing to what is heard.
        const mute = new GainNode(ctx, { gain: 0 })
        connect.call(worklet, mute)
        connect.call(mute, ctx.destination)
        return worklet
      })
      taps.set(ctx, node)
      tap.ready.push(node.then(() => undefined))
    }
    return node
  }
  AudioNode.prototype.connect = function (this: AudioNode, ...args: unknown[]) {
    const result = connect.apply(this, args)
    const target = args[0]
    if (target instanceof AudioDestinationNode) {
      const output = typeof args[1] === 'number' ? args[1] : 0
      void tapOf(target.context).then((worklet) => connect.call(this, worklet, output))
    }
    return result
  } as AudioNode['connect']
  AudioNode.prototype.disconnect = function (this: AudioNode, ...args: unknown[]) {
    const result = disconnect.apply(this, args)
    const target = args[0]
    if (target instanceof AudioDestinationNode) void tapOf(target.context).then((worklet) => disconnect.call(this, worklet))
    return result
  } as AudioNode['disconnect']
}

export async function installPlaybackTap(page: Page): Promise<void> {
  // Answered at the network layer (CDP Fetch): Playwright's route() never sees a worklet's module request, and the
  // preview server would answer with its HTML fallback.
  const cdp = await page.context().newCDPSession(page)
  cdp.on('Fetch.requestPaused', (paused: { requestId: string }) => {
    void cdp.send('Fetch.fulfillRequest', { requestId: paused.requestId, responseCode: 200, responseHeaders: [{ name: 'Content-Type', value: 'text/javascript' }], body: Buffer.from(tapModule).toString('base64') })
  })
  await cdp.send('Fetch.enable', { patterns: [{ urlPattern: `*${tapModulePath}` }] })
  await page.addInitScript(installInPage, tapModulePath)
}

export interface Sound {
  sampleRate: number
  /** The louder channel (the HRTF panner makes the two ears differ). */
  samples: Float32Array
  /** The audio clock's frame of the first sample (0 for a decoded recording). */
  frame: number
  /** The beat the page was in while it played (the most common over its chunks), or the beat a recording was started in. */
  beat: string | null
}

const fromBase64 = (s: string) => {
  const bytes = Buffer.from(s, 'base64')
  return new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4)
}

/**
 * Everything the page played so far, cut into playbacks: a playback ends where the speakers got more than
 * `gapMs` of silence.
 */
export async function playedSounds(page: Page, gapMs = 100): Promise<Sound[]> {
  const raw = await page.evaluate(async () => {
    const tap = (window as unknown as { __e2eTap: { chunks: { frame: number; length: number; sampleRate: number; left: Float32Array; right: Float32Array; beat: string | null }[]; ready: Promise<void>[] } }).__e2eTap
    await Promise.all(tap.ready)
    const encode = (a: Float32Array) => {
      const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
      let text = ''
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      return btoa(text)
    }
    return tap.chunks.map((c) => ({ frame: c.frame, sampleRate: c.sampleRate, beat: c.beat, left: encode(c.left.subarray(0, c.length)), right: encode(c.right.subarray(0, c.length)) }))
  })
  const sounds: { sampleRate: number; frame: number; end: number; left: Float32Array[]; right: Float32Array[]; beats: (string | null)[] }[] = []
  for (const chunk of raw) {
    const left = fromBase64(chunk.left)
    const right = fromBase64(chunk.right)
    const last = sounds.at(-1)
    if (last && chunk.frame - last.end <= (gapMs / 1000) * chunk.sampleRate) {
      // Silence inside a playback (shorter than the gap) is kept as silence, so the frame count stays the clock's.
      const silence = chunk.frame - last.end
      if (silence > 0) {
        last.left.push(new Float32Array(silence))
        last.right.push(new Float32Array(silence))
      }
      last.left.push(left)
      last.right.push(right)
      last.beats.push(chunk.beat)
      last.end = chunk.frame + left.length
    } else sounds.push({ sampleRate: chunk.sampleRate, frame: chunk.frame, end: chunk.frame + left.length, left: [left], right: [right], beats: [chunk.beat] })
  }
  return sounds.map((s) => {
    const join = (parts: Float32Array[]) => {
      const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0))
      let at = 0
      for (const p of parts) {
        out.set(p, at)
        at += p.length
      }
      return out
    }
    const [left, right] = [join(s.left), join(s.right)]
    const counts = new Map<string | null, number>()
    for (const b of s.beats) counts.set(b, (counts.get(b) ?? 0) + 1)
    const beat = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
    return { sampleRate: s.sampleRate, frame: s.frame, beat, samples: energy(left) >= energy(right) ? left : right }
  })
}

/** Every recording the page's MediaRecorders handed over so far, in order, decoded by the browser at 48 kHz; `beat` is the beat it was started in. */
export async function recordedSounds(page: Page): Promise<Sound[]> {
  const raw = await page.evaluate(async () => {
    const tap = (window as unknown as { __e2eTap: { recordings: { beat: string | null; blob: Blob }[] } }).__e2eTap
    const out: { sampleRate: number; samples: string; beat: string | null }[] = []
    for (const { beat, blob } of tap.recordings) {
      const decoded = await new OfflineAudioContext(1, 1, 48_000).decodeAudioData(await blob.arrayBuffer())
      const channel = decoded.getChannelData(0)
      const bytes = new Uint8Array(channel.buffer, channel.byteOffset, channel.byteLength)
      let text = ''
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
      out.push({ sampleRate: decoded.sampleRate, samples: btoa(text), beat })
    }
    return out
  })
  return raw.map((r) => ({ sampleRate: r.sampleRate, samples: fromBase64(r.samples), frame: 0, beat: r.beat }))
}

function energy(a: Float32Array): number {
  let sum = 0
  for (const x of a) sum += x * x
  return sum
}

/** RMS in consecutive windows of `ms`. */
function loudness(sound: Sound, ms = 10): number[] {
  const size = Math.round((sound.sampleRate * ms) / 1000)
  const out: number[] = []
  for (let at = 0; at + size <= sound.samples.length; at += size) {
    let sum = 0
    for (let i = at; i < at + size; i++) sum += sound.samples[i]! ** 2
    out.push(Math.sqrt(sum / size))
  }
  return out
}

export interface Heard {
  /** From the first to the last 10 ms window louder than 1 % of the loudest (−40 dB): the voice, without silence around it. */
  soundingMs: number
  /** The median of its cycle lengths, each between two rising zero crossings placed between samples. */
  hz: number
  /** The strongest repeat of its loudness (the fake voice swells four times a second, like syllables), in ms. */
  syllableMs: number
}

/** What a listener would measure in a sound: how long it sounds, at what pitch, at what syllable rate. */
export function listen(sound: Sound): Heard {
  const windowMs = 10
  const levels = loudness(sound, windowMs)
  const loudest = Math.max(...levels)
  const threshold = loudest * 0.01
  const first = levels.findIndex((l) => l > threshold)
  const last = levels.length - 1 - [...levels].reverse().findIndex((l) => l > threshold)
  const soundingMs = (last - first + 1) * windowMs

  const size = Math.round((sound.sampleRate * windowMs) / 1000)
  const s = sound.samples
  const crossings: number[] = []
  for (let i = first * size + 1; i < (last + 1) * size && i < s.length; i++) {
    if (s[i - 1]! < 0 && s[i]! >= 0) crossings.push(i - 1 + s[i - 1]! / (s[i - 1]! - s[i]!))
  }
  const periods = crossings.slice(1).map((c, i) => c - crossings[i]!)
  periods.sort((a, b) => a - b)
  const hz = periods.length ? sound.sampleRate / periods[periods.length >> 1]! : 0

  // Autocorrelation of the loudness over the sounding part, mean removed, between 150 and 400 ms.
  const part = levels.slice(first, last + 1)
  const mean = part.reduce((a, b) => a + b, 0) / part.length
  const centred = part.map((l) => l - mean)
  const scoreAt = (lag: number) => {
    let score = 0
    for (let i = lag; i < centred.length; i++) score += centred[i]! * centred[i - lag]!
    return score / (centred.length - lag)
  }
  let best = 0
  for (let lag = 150 / windowMs; lag <= 400 / windowMs && lag < centred.length - 1; lag++) if (!best || scoreAt(lag) > scoreAt(best)) best = lag
  // A parabola through the peak and its neighbours places it between windows.
  const [before, peak, after] = [scoreAt(best - 1), scoreAt(best), scoreAt(best + 1)]
  const offset = (0.5 * (before - after)) / (before - 2 * peak + after)
  return { soundingMs, hz, syllableMs: (best + (Number.isFinite(offset) ? offset : 0)) * windowMs }
}
