import { clientFrameSchema, maxFramesPerSecond, parseFrame, rateWindow, type ClientFrame, type RefusalReason, type RelayFrame } from './protocol.ts'

/**
 * The room relay's core: pairs one headset with one console by a six-digit code and forwards their frames. Pure
 * (no sockets, no timers, no files): the room server and the dev-server plugin hand it connections and raw frames.
 *
 * It keeps only what live connections need, in memory, and logs nothing: a restarted relay knows no rooms, and
 * both sides come back by saying `hello` with their session token (the token is 256 random bits, so knowing it is
 * the proof). Every frame is size-, rate- and schema-checked; a bad one is dropped and counted, never thrown on.
 */
export interface RelayConnection {
  /** The peer's network address, for the per-address limit on wrong codes. */
  address: string
  send(frame: string): void
  close(): void
}

export interface RelayOptions {
  now?(): number
  /** Random bytes; crypto.getRandomValues by default. */
  randomBytes?(n: number): Uint8Array
  codeTtlMs?: number
  /** Wrong codes one connection may send before every further `join` on it is refused. */
  wrongCodesPerConnection?: number
  /** Wrong codes one address may send within `addressWindowMs`. */
  wrongCodesPerAddress?: number
  addressWindowMs?: number
  framesPerSecond?: number
}

export interface RelayStats {
  rooms: number
  connections: number
  forwarded: number
  /** Frames dropped: malformed, too big, too many, or not allowed for the sender's role or state. */
  dropped: number
  refused: Record<RefusalReason, number>
}

interface Room {
  token: string
  headset: Conn | null
  console: Conn | null
  code: { code: string; expiresAt: number } | null
}

interface Conn {
  link: RelayConnection
  role: 'headset' | 'console' | null
  room: Room | null
  wrongCodes: number
  rate: ReturnType<typeof rateWindow>
}

export const codeTtlMs = 10 * 60 * 1000

export function createRelay(options: RelayOptions = {}) {
  const now = options.now ?? (() => Date.now())
  const randomBytes = options.randomBytes ?? ((n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n)))
  const ttl = options.codeTtlMs ?? codeTtlMs
  const perConnection = options.wrongCodesPerConnection ?? 5
  const perAddress = options.wrongCodesPerAddress ?? 10
  const addressWindowMs = options.addressWindowMs ?? 10 * 60 * 1000
  const framesPerSecond = options.framesPerSecond ?? maxFramesPerSecond

  const rooms = new Map<string, Room>()
  const codes = new Map<string, Room>()
  /** Times of wrong codes per address, within the window. */
  const wrongByAddress = new Map<string, number[]>()
  const connections = new Set<Conn>()
  const stats: RelayStats = { rooms: 0, connections: 0, forwarded: 0, dropped: 0, refused: { 'wrong-code': 0, 'rate-limited': 0, busy: 0, 'unknown-token': 0, 'wrong-token': 0, 'not-paired': 0, 'bad-frame': 0 } }

  const send = (conn: Conn | null, frame: RelayFrame | ClientFrame) => {
    if (!conn) return
    try {
      conn.link.send(JSON.stringify(frame))
    } catch {
      // A socket that fails to send is closing; its close handler tidies up.
    }
  }
  const refuse = (conn: Conn, reason: RefusalReason) => {
    stats.refused[reason]++
    send(conn, { type: 'refused', reason })
  }

  /** A uniformly random six-digit code not in use (rejection sampling, no modulo bias). */
  function newCode(): string {
    for (;;) {
      const b = randomBytes(4)
      const n = ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0
      if (n >= 4_294_000_000) continue
      const code = String(n % 1_000_000).padStart(6, '0')
      if (!codes.has(code)) return code
    }
  }
  function newToken(): string {
    const b = randomBytes(32)
    let s = ''
    for (const x of b) s += String.fromCharCode(x)
    return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
  }

  function sweep(at: number) {
    for (const [code, room] of codes) {
      if (room.code && room.code.expiresAt <= at) {
        codes.delete(code)
        room.code = null
      }
    }
    for (const [address, times] of wrongByAddress) {
      while (times.length > 0 && at - times[0]! >= addressWindowMs) times.shift()
      if (times.length === 0) wrongByAddress.delete(address)
    }
  }

  function dropRoomIfEmpty(room: Room) {
    if (room.headset || room.console) return
    if (room.code) codes.delete(room.code.code)
    rooms.delete(room.token)
  }

  function leave(conn: Conn) {
    const room = conn.room
    if (!room) return
    conn.room = null
    if (room.headset === conn) {
      room.headset = null
      // An unused code dies with the headset that showed it.
      if (room.code) {
        codes.delete(room.code.code)
        room.code = null
      }
      send(room.console, { type: 'peer', connected: false })
    }
    if (room.console === conn) {
      room.console = null
      send(room.headset, { type: 'peer', connected: false })
    }
    dropRoomIfEmpty(room)
  }

  function paired(room: Room): boolean {
    return room.code === null
  }

  function hello(conn: Conn, frame: Extract<ClientFrame, { type: 'hello' }>) {
    if (conn.role && conn.role !== frame.role) return void stats.dropped++
    leave(conn)
    conn.role = frame.role
    if (!frame.token) {
      if (frame.role === 'console') return void refuse(conn, 'not-paired')
      // A headset asks for a (new) code: a pending room whose token is only handed out at pairing.
      const room: Room = { token: newToken(), headset: conn, console: null, code: { code: newCode(), expiresAt: now() + ttl } }
      rooms.set(room.token, room)
      codes.set(room.code!.code, room)
      conn.room = room
      send(conn, { type: 'code', code: room.code!.code, expiresInMs: ttl })
      return
    }
    let room = rooms.get(frame.token)
    if (room && !paired(room)) return void refuse(conn, 'unknown-token')
    if (!room) {
      // A relay that restarted knows no rooms: the token itself brings the pair back together.
      room = { token: frame.token, headset: null, console: null, code: null }
      rooms.set(room.token, room)
    }
    if (frame.role === 'console') {
      if (room.console) {
        dropRoomIfEmpty(room)
        return void refuse(conn, 'busy')
      }
      room.console = conn
    } else {
      // The headset that comes back replaces a stale connection of its own.
      const stale = room.headset
      if (stale) {
        stale.room = null
        stale.link.close()
      }
      room.headset = conn
    }
    conn.room = room
    send(conn, { type: 'paired', token: room.token })
    const other = frame.role === 'console' ? room.headset : room.console
    send(conn, { type: 'peer', connected: other !== null })
    send(other, { type: 'peer', connected: true })
  }

  function join(conn: Conn, code: string) {
    const at = now()
    sweep(at)
    const times = wrongByAddress.get(conn.link.address) ?? []
    if (conn.wrongCodes >= perConnection || times.length >= perAddress) return void refuse(conn, 'rate-limited')
    if (conn.role === 'headset' || conn.room) return void stats.dropped++
    const room = codes.get(code)
    if (!room || !room.code || room.code.expiresAt <= at) {
      conn.wrongCodes++
      times.push(at)
      wrongByAddress.set(conn.link.address, times)
      return void refuse(conn, 'wrong-code')
    }
    if (room.console) return void refuse(conn, 'busy')
    // A code works once.
    codes.delete(code)
    room.code = null
    conn.role = 'console'
    conn.room = room
    room.console = conn
    send(conn, { type: 'paired', token: room.token })
    send(room.headset, { type: 'paired', token: room.token })
    send(conn, { type: 'peer', connected: room.headset !== null })
    send(room.headset, { type: 'peer', connected: true })
  }

  function forward(conn: Conn, frame: ClientFrame) {
    const room = conn.room
    if (!room || !paired(room)) return void stats.dropped++
    if (frame.type === 'command') {
      if (conn.role !== 'console' || room.console !== conn) return void stats.dropped++
      if (frame.token !== room.token) return void refuse(conn, 'wrong-token')
      if (!room.headset) return void stats.dropped++
      stats.forwarded++
      return send(room.headset, frame)
    }
    // pose, state, ack: only from the room's headset.
    if (conn.role !== 'headset' || room.headset !== conn) return void stats.dropped++
    if (!room.console) return
    stats.forwarded++
    send(room.console, frame)
  }

  return {
    /** A new connection; returns what to call on each of its frames and when it closes. */
    open(link: RelayConnection) {
      const conn: Conn = { link, role: null, room: null, wrongCodes: 0, rate: rateWindow(framesPerSecond) }
      connections.add(conn)
      return {
        message(raw: unknown) {
          try {
            if (!conn.rate.allow(now())) return void stats.dropped++
            const frame = parseFrame(raw, clientFrameSchema)
            if (!frame) return void stats.dropped++
            if (frame.type === 'hello') return hello(conn, frame)
            if (frame.type === 'join') return join(conn, frame.code)
            forward(conn, frame)
          } catch {
            // Nothing above should throw; if it ever does, the frame is dropped and the relay goes on.
            stats.dropped++
          }
        },
        close() {
          if (!connections.delete(conn)) return
          leave(conn)
        },
      }
    },
    stats(): RelayStats {
      return { ...stats, refused: { ...stats.refused }, rooms: rooms.size, connections: connections.size }
    },
    /** Forgets expired codes and old wrong-code counts; the servers call it now and then. */
    sweep: () => sweep(now()),
  }
}

export type Relay = ReturnType<typeof createRelay>
