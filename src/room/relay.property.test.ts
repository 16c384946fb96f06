import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createHeadsetHandler } from './headsetLink.ts'
import { commandNames } from './protocol.ts'
import { createRelay } from './relay.ts'

/** Frames a hostile or broken peer might send: noise, any JSON, and near-valid frames with wrong fields. */
const nearValid = fc.oneof(
  fc.record({ type: fc.constantFrom('hello', 'join', 'pose', 'state', 'ack', 'command', 'code', 'paired', 'peer', 'refused'), role: fc.constantFrom('headset', 'console', 'x'), token: fc.string({ maxLength: 50 }) }, { requiredKeys: ['type'] }),
  fc.record({ type: fc.constant('join'), code: fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String)) }),
  fc.record({ type: fc.constant('pose'), t: fc.double(), p: fc.array(fc.double(), { maxLength: 4 }), q: fc.array(fc.double(), { maxLength: 5 }) }),
  fc.record({ type: fc.constant('command'), token: fc.string({ minLength: 43, maxLength: 43 }), id: fc.integer(), command: fc.constantFrom(...commandNames, 'rm -rf'), text: fc.string({ maxLength: 400 }) }),
  fc.record({ type: fc.constant('state'), state: fc.anything({ maxDepth: 3 }) }),
  fc.record({ type: fc.constant('code'), code: fc.stringMatching(/^\d{6}$/), expiresInMs: fc.double() }),
)
const frame = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  nearValid.map((v) => JSON.stringify(v)),
  fc.uint8Array({ maxLength: 200 }),
  fc.constantFrom('x'.repeat(70_000), '{"type":"pose","t":1e400}', '__proto__', '{"__proto__":{"type":"hello"}}', '{"type":"hello","role":"console","constructor":{}}'),
)

describe('hostile frames', () => {
  it('the relay never throws or stalls on thousands of random frames, and still pairs afterwards', () => {
    let t = 0
    const relay = createRelay({ now: () => (t += 20) })
    const senders = Array.from({ length: 4 }, (_, i) => relay.open({ address: `10.0.0.${i}`, send: () => undefined, close: () => undefined }))
    const started = performance.now()
    let sent = 0
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), frame), { minLength: 1, maxLength: 20 }), (frames) => {
        for (const [who, f] of frames) {
          expect(() => senders[who]!.message(f)).not.toThrow()
          sent++
        }
      }),
      { numRuns: 400 },
    )
    expect(sent).toBeGreaterThan(2000)
    // Thousands of frames handled in well under a second each on average: no stall.
    expect(performance.now() - started).toBeLessThan(20_000)
    // The relay still works.
    const got: string[] = []
    const headset = relay.open({ address: '10.1.0.1', send: (f) => got.push(f), close: () => undefined })
    headset.message(JSON.stringify({ type: 'hello', role: 'headset' }))
    const code = (JSON.parse(got.at(-1)!) as { code: string }).code
    const consoleGot: string[] = []
    const console = relay.open({ address: '10.1.0.2', send: (f) => consoleGot.push(f), close: () => undefined })
    console.message(JSON.stringify({ type: 'join', code }))
    expect(JSON.parse(consoleGot[0]!)).toMatchObject({ type: 'paired' })
  })

  it('the headset’s message handler never throws, stalls or runs a command without its token', () => {
    const commands: unknown[] = []
    // A clock that moves 10 ms a frame, so the rate cap lets every frame reach the parser.
    let t = 0
    const handler = createHeadsetHandler({ onStatus: () => undefined, onCommand: (c) => commands.push(c), sendFrame: () => undefined, now: () => (t += 10) })
    handler.message(JSON.stringify({ type: 'paired', token: 'A'.repeat(43) }))
    const started = performance.now()
    let sent = 0
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 20 }), (frames) => {
        for (const f of frames) {
          expect(() => handler.message(f)).not.toThrow()
          sent++
        }
      }),
      { numRuns: 400 },
    )
    expect(sent).toBeGreaterThan(2000)
    expect(performance.now() - started).toBeLessThan(20_000)
    // Random frames may re-pair the handler with a random token; any command it ran carried the token it held then.
    for (const c of commands) expect((c as { token: string }).token).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('the headset runs a command only with its own token', () => {
    const commands: unknown[] = []
    const handler = createHeadsetHandler({ onStatus: () => undefined, onCommand: (c) => commands.push(c), sendFrame: () => undefined })
    const mine = 'A'.repeat(43)
    handler.message(JSON.stringify({ type: 'command', token: mine, id: 1, command: 'pause' }))
    expect(commands).toHaveLength(0)
    handler.message(JSON.stringify({ type: 'paired', token: mine }))
    handler.message(JSON.stringify({ type: 'command', token: 'B'.repeat(43), id: 2, command: 'pause' }))
    expect(commands).toHaveLength(0)
    expect(handler.counts().refusedCommands).toBe(2)
    handler.message(JSON.stringify({ type: 'command', token: mine, id: 3, command: 'pause' }))
    expect(commands).toEqual([{ type: 'command', token: mine, id: 3, command: 'pause' }])
  })
})
