import { describe, expect, it } from 'vitest'
import { maxFrameBytes, type RelayFrame } from './protocol.ts'
import { createRelay, type RelayOptions } from './relay.ts'

/** A fake socket: what the relay sent it, parsed. */
function client(relay: ReturnType<typeof createRelay>, address = '10.0.0.2') {
  const got: Record<string, unknown>[] = []
  let closed = false
  const handle = relay.open({ address, send: (f) => got.push(JSON.parse(f) as Record<string, unknown>), close: () => (closed = true) })
  return {
    got,
    get closed() {
      return closed
    },
    say: (frame: unknown) => handle.message(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    close: () => handle.close(),
    last: (type: string) => [...got].reverse().find((f) => f.type === type) as (RelayFrame & Record<string, unknown>) | undefined,
  }
}

function setup(options: RelayOptions = {}) {
  let t = 1_000_000
  const relay = createRelay({ now: () => t, ...options })
  return { relay, advance: (ms: number) => (t += ms) }
}

function pair(relay: ReturnType<typeof createRelay>) {
  const headset = client(relay, '10.0.0.9')
  headset.say({ type: 'hello', role: 'headset' })
  const code = headset.last('code')!.code as string
  const console = client(relay)
  console.say({ type: 'join', code })
  const token = console.last('paired')!.token as string
  return { headset, console, code, token }
}

const pose = { type: 'pose', t: 1, p: [0, 1.2, 0], q: [0, 0, 0, 1] }

describe('room relay', () => {
  it('gives a headset a six-digit code and pairs one console with it, both with the same 256-bit token', () => {
    const { relay } = setup()
    const { headset, console, code, token } = pair(relay)
    expect(code).toMatch(/^\d{6}$/)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(headset.last('paired')!.token).toBe(token)
    expect(headset.last('peer')).toEqual({ type: 'peer', connected: true })
    expect(console.last('peer')).toEqual({ type: 'peer', connected: true })
    headset.say(pose)
    expect(console.last('pose')).toEqual(pose)
    console.say({ type: 'command', token, id: 1, command: 'pause' })
    expect(headset.last('command')).toEqual({ type: 'command', token, id: 1, command: 'pause' })
  })

  it('codes are random and distinct across rooms', () => {
    const { relay } = setup()
    const codes = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const h = client(relay)
      h.say({ type: 'hello', role: 'headset' })
      codes.add(h.last('code')!.code as string)
    }
    expect(codes.size).toBe(200)
  })

  it('a code works once: a second console with it is refused, and so is one with the token while the first is there', () => {
    const { relay } = setup()
    const { code, token, headset } = pair(relay)
    const second = client(relay, '10.0.0.3')
    second.say({ type: 'join', code })
    expect(second.last('refused')).toEqual({ type: 'refused', reason: 'wrong-code' })
    const third = client(relay, '10.0.0.4')
    third.say({ type: 'hello', role: 'console', token })
    expect(third.last('refused')).toEqual({ type: 'refused', reason: 'busy' })
    third.say({ type: 'command', token, id: 9, command: 'stop' })
    expect(headset.last('command')).toBeUndefined()
  })

  it('a code expires after 10 minutes', () => {
    const { relay, advance } = setup()
    const headset = client(relay)
    headset.say({ type: 'hello', role: 'headset' })
    const code = headset.last('code')!.code as string
    advance(10 * 60 * 1000)
    const console = client(relay)
    console.say({ type: 'join', code })
    expect(console.last('refused')).toEqual({ type: 'refused', reason: 'wrong-code' })
    expect(console.last('paired')).toBeUndefined()
  })

  it('rate-limits wrong codes per connection and per address, even when the right code comes next', () => {
    const { relay, advance } = setup()
    const headset = client(relay)
    headset.say({ type: 'hello', role: 'headset' })
    const code = headset.last('code')!.code as string
    const wrong = code === '000000' ? '000001' : '000000'
    const guesser = client(relay, '10.0.0.66')
    for (let i = 0; i < 5; i++) guesser.say({ type: 'join', code: wrong })
    guesser.say({ type: 'join', code })
    expect(guesser.last('refused')).toEqual({ type: 'refused', reason: 'rate-limited' })
    expect(guesser.last('paired')).toBeUndefined()
    // New connections from the same address: the address has 10 wrong codes in 10 minutes.
    for (let i = 0; i < 5; i++) client(relay, '10.0.0.66').say({ type: 'join', code: wrong })
    const again = client(relay, '10.0.0.66')
    again.say({ type: 'join', code })
    expect(again.last('refused')).toEqual({ type: 'refused', reason: 'rate-limited' })
    expect(relay.stats().refused['wrong-code']).toBe(10)
    // Another address is not held back; the limit lifts after the window.
    advance(60_000)
    const other = client(relay, '10.0.0.7')
    other.say({ type: 'join', code })
    expect(other.last('paired')).toBeDefined()
  })

  it('refuses a command with another session’s token and forwards nothing', () => {
    const { relay } = setup()
    const a = pair(relay)
    const b = pair(relay)
    a.console.say({ type: 'command', token: b.token, id: 1, command: 'pause' })
    expect(a.console.last('refused')).toEqual({ type: 'refused', reason: 'wrong-token' })
    expect(a.headset.last('command')).toBeUndefined()
    expect(b.headset.last('command')).toBeUndefined()
  })

  it('a headset cannot command, a console cannot send poses, and an unpaired connection gets nothing through', () => {
    const { relay } = setup()
    const { headset, console, token } = pair(relay)
    headset.say({ type: 'command', token, id: 1, command: 'stop' })
    console.say(pose)
    const stranger = client(relay)
    stranger.say(pose)
    expect(headset.last('pose')).toBeUndefined()
    expect(console.last('command')).toBeUndefined()
    expect(relay.stats().dropped).toBe(3)
  })

  it('after a restart, both sides come back with their token; a console first, then the headset', () => {
    const first = setup()
    const { token } = pair(first.relay)
    const { relay } = setup()
    const console = client(relay)
    console.say({ type: 'hello', role: 'console', token })
    expect(console.last('peer')).toEqual({ type: 'peer', connected: false })
    const headset = client(relay)
    headset.say({ type: 'hello', role: 'headset', token })
    expect(console.last('peer')).toEqual({ type: 'peer', connected: true })
    console.say({ type: 'command', token, id: 4, command: 'note', text: 'kijkt weg' })
    expect(headset.last('command')).toMatchObject({ id: 4, command: 'note', text: 'kijkt weg' })
    headset.say(pose)
    expect(console.last('pose')).toEqual(pose)
  })

  it('a console cannot claim a pending room by guessing its token, and forgets rooms when both sides leave', () => {
    const { relay } = setup()
    const headset = client(relay)
    headset.say({ type: 'hello', role: 'headset' })
    expect(relay.stats().rooms).toBe(1)
    headset.close()
    expect(relay.stats().rooms).toBe(0)
    const { headset: h, console: c } = pair(relay)
    c.close()
    expect(h.last('peer')).toEqual({ type: 'peer', connected: false })
    h.close()
    expect(relay.stats()).toMatchObject({ rooms: 0, connections: 0 })
  })

  it('drops oversized, malformed and too many frames, and counts them', () => {
    const { relay, advance } = setup()
    const { headset, console } = pair(relay)
    const before = relay.stats().dropped
    headset.say('x'.repeat(maxFrameBytes + 1))
    headset.say('{"type":"pose"')
    headset.say({ type: 'pose', t: 1, p: [0, 0], q: [0, 0, 0, 1] })
    headset.say({ type: 'pose', t: 1, p: [0, 0, 0], q: [0, 0, 0, 1], extra: 1 })
    expect(relay.stats().dropped - before).toBe(4)
    advance(1000)
    let through = 0
    const seen = () => console.got.filter((f) => f.type === 'pose').length
    const start = seen()
    for (let i = 0; i < 200; i++) headset.say(pose)
    through = seen() - start
    expect(through).toBe(60)
    advance(1000)
    headset.say(pose)
    expect(seen() - start).toBe(61)
  })
})
