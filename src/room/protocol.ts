import { z } from '../script/zod.ts'

/**
 * The trainer's console protocol: the frames a headset, a console and the room relay exchange over one WebSocket
 * on the app's own origin (path `roomPath`). Every frame is JSON, at most `maxFrameBytes`, and checked against these
 * schemas on arrival by whoever receives it; anything else is dropped and counted, never thrown.
 *
 * Pairing: the headset says `hello` and gets a six-digit `code`; the console sends `join` with it; both get the
 * same session `token`. From then on the relay forwards `pose`, `state` and `ack` from the headset to the console
 * and `command` from the console to the headset. A reconnecting side says `hello` with its token.
 */
export const roomPath = '/room'
export const maxFrameBytes = 16 * 1024
/** Frames a second one connection may send (pose at up to 30 Hz plus state changes and commands). */
export const maxFramesPerSecond = 60

export const codePattern = /^\d{6}$/
/** 32 random bytes, base64url: 256 bits. */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/

const token = z.string().regex(tokenPattern)
const finite = z.number().finite()
const text = (max: number) => z.string().max(max)
const id = z.string().min(1).max(80)

export const commandNames = ['pause', 'resume', 'stop', 'repeat', 'skip', 'note'] as const
export type CommandName = (typeof commandNames)[number]
export const maxNoteChars = 280

const primitive = z.union([z.string().max(400), finite, z.boolean(), z.null()])

/** What the console needs to render the same world with the same parameters, and to show the session's state. */
export const sessionStateSchema = z
  .object({
    sceneId: id,
    language: z.enum(['nl', 'en']),
    params: z.record(id, primitive),
    avatar: z.record(id, z.string().max(40)).nullable(),
    beat: id,
    /** The beat's line, as text in the session's language; null when the beat says nothing. */
    line: text(600).nullable(),
    /** Session-clock (epoch ms) time the beat was entered on the headset, and the headset's clock now. */
    beatSince: finite,
    sentAt: finite,
    status: z.enum(['active', 'completed']),
    paused: z.object({ reason: text(80), since: finite }).strict().nullable(),
    /** The client's choice in the pause space, once they point at one (the console can confirm it). */
    clientChoice: z.enum(['resume', 'stop']).nullable(),
    props: z.record(id, z.boolean()),
    poses: z.record(id, z.string().max(40)),
    seat: z.enum(['present', 'future']).nullable(),
    flags: z.record(id, z.boolean()),
    answers: z.record(id, z.union([z.string().max(400), finite, z.null()])),
    /** Share of the beat so far the head pointed at each dwell target, 0..1. */
    dwell: z.record(id, z.number().min(0).max(1)),
    // The microphone: none (or refused), open and ready, or recording the client's answer now.
    microphone: z.enum(['none', 'ready', 'recording']),
    /** Beats entered so far (ms after the session's start) and the pauses, for the console's timeline. */
    timeline: z.array(z.object({ beat: id, atMs: finite }).strict()).max(200),
    pauses: z.array(z.object({ beat: id, atMs: finite, ms: finite.nullable(), reason: text(80) }).strict()).max(200),
  })
  .strict()
export type SessionState = z.infer<typeof sessionStateSchema>

const vec3 = z.tuple([finite, finite, finite])
const quat = z.tuple([finite, finite, finite, finite])

/** Frames a client sends to the relay. */
export const clientFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), role: z.enum(['headset', 'console']), token: token.optional() }).strict(),
  z.object({ type: z.literal('join'), code: z.string().regex(codePattern) }).strict(),
  // Headset → console.
  z.object({ type: z.literal('pose'), t: finite, p: vec3, q: quat }).strict(),
  z.object({ type: z.literal('state'), state: sessionStateSchema }).strict(),
  z.object({ type: z.literal('ack'), id: z.number().int().nonnegative(), ok: z.boolean(), reason: text(80).optional() }).strict(),
  // Console → headset.
  z
    .object({ type: z.literal('command'), token, id: z.number().int().nonnegative(), command: z.enum(commandNames), text: text(maxNoteChars).optional(), beat: text(80).optional() })
    .strict(),
])
export type ClientFrame = z.infer<typeof clientFrameSchema>
export type PoseFrame = Extract<ClientFrame, { type: 'pose' }>
export type CommandFrame = Extract<ClientFrame, { type: 'command' }>

export const refusalReasons = ['wrong-code', 'rate-limited', 'busy', 'unknown-token', 'wrong-token', 'not-paired', 'bad-frame'] as const
export type RefusalReason = (typeof refusalReasons)[number]

/** Frames the relay sends (plus the forwarded headset and console frames above). */
export const relayFrameSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('code'), code: z.string().regex(codePattern), expiresInMs: finite }).strict(),
  z.object({ type: z.literal('paired'), token }).strict(),
  z.object({ type: z.literal('peer'), connected: z.boolean() }).strict(),
  z.object({ type: z.literal('refused'), reason: z.enum(refusalReasons) }).strict(),
])
export type RelayFrame = z.infer<typeof relayFrameSchema>

/** What a headset or console may receive: relay frames and the other side's frames. */
export const inboundFrameSchema = z.union([relayFrameSchema, clientFrameSchema])
export type InboundFrame = z.infer<typeof inboundFrameSchema>

/**
 * Parses one frame: size first (before JSON), then JSON, then the schema. Never throws; returns null for anything
 * that is not a valid frame.
 */
export function parseFrame<T>(raw: unknown, schema: z.ZodType<T>): T | null {
  let textFrame: string
  if (typeof raw === 'string') textFrame = raw
  else if (raw instanceof ArrayBuffer || ArrayBuffer.isView(raw)) {
    const bytes = raw instanceof ArrayBuffer ? raw.byteLength : raw.byteLength
    if (bytes > maxFrameBytes) return null
    try {
      textFrame = new TextDecoder('utf-8', { fatal: true }).decode(raw as ArrayBuffer)
    } catch {
      return null
    }
  } else return null
  // A UTF-16 length above the cap can only be more bytes; below it, count the bytes.
  if (textFrame.length > maxFrameBytes || new TextEncoder().encode(textFrame).byteLength > maxFrameBytes) return null
  let value: unknown
  try {
    value = JSON.parse(textFrame)
  } catch {
    return null
  }
  const result = schema.safeParse(value)
  return result.success ? result.data : null
}

/** A sliding one-second window counter: `allow()` is false once `limit` frames came within the last second. */
export function rateWindow(limit: number, windowMs = 1000) {
  const times: number[] = []
  return {
    allow(now: number): boolean {
      while (times.length > 0 && now - times[0]! >= windowMs) times.shift()
      if (times.length >= limit) return false
      times.push(now)
      return true
    },
  }
}
