import { relayUrl } from './headsetLink.ts'
import { inboundFrameSchema, parseFrame, rateWindow, type CommandName, type PoseFrame, type RefusalReason, type SessionState } from './protocol.ts'

/**
 * The console's side of the link: joins by code, keeps the session token (in this tab's sessionStorage, so a reload
 * or a relay restart comes back to the same headset), sends commands with it, and hands on what the headset streams.
 * Frames are checked like everywhere else; bad ones are dropped and counted.
 */
export interface ConsoleStatus {
  /** `connecting`: no relay yet; `ready`: connected, not paired; `paired`: has a token. */
  phase: 'connecting' | 'ready' | 'paired'
  headsetConnected: boolean
  refused: RefusalReason | null
}

export interface ConsoleHandlers {
  onStatus(status: ConsoleStatus): void
  onPose(pose: PoseFrame): void
  onState(state: SessionState): void
  onAck(id: number, ok: boolean): void
}

const tokenKey = 'perspectief-console-token'

export function connectConsole(handlers: ConsoleHandlers, url = relayUrl()) {
  let token: string | null = sessionStorage.getItem(tokenKey)
  let socket: WebSocket | null = null
  let closed = false
  let retry: ReturnType<typeof setTimeout> | null = null
  let nextId = 1
  /** Whether the relay confirmed the pairing on the current socket. */
  let confirmed = false
  let status: ConsoleStatus = { phase: 'connecting', headsetConnected: false, refused: null }
  const rate = rateWindow(240)
  const counts = { dropped: 0 }
  const update = (next: Partial<ConsoleStatus>) => {
    status = { ...status, ...next }
    handlers.onStatus(status)
  }
  const sendRaw = (frame: unknown) => {
    if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame))
  }
  function message(raw: unknown) {
    if (!rate.allow(performance.now())) return void counts.dropped++
    const frame = parseFrame(raw, inboundFrameSchema)
    if (!frame) return void counts.dropped++
    switch (frame.type) {
      case 'paired':
        token = frame.token
        confirmed = true
        sessionStorage.setItem(tokenKey, frame.token)
        return update({ phase: 'paired', refused: null })
      case 'peer':
        return update({ headsetConnected: frame.connected })
      case 'refused':
        // The relay does not take this token back (another console holds it): start over with a code.
        if ((frame.reason === 'busy' || frame.reason === 'unknown-token') && !confirmed && token) {
          forget()
          return update({ phase: 'ready', refused: frame.reason })
        }
        return update({ refused: frame.reason })
      case 'pose':
        return handlers.onPose(frame)
      case 'state':
        return handlers.onState(frame.state)
      case 'ack':
        return handlers.onAck(frame.id, frame.ok)
      default:
        return
    }
  }
  function forget() {
    token = null
    sessionStorage.removeItem(tokenKey)
  }
  function open() {
    if (closed) return
    try {
      socket = new WebSocket(url)
    } catch {
      return schedule()
    }
    socket.onopen = () => {
      confirmed = false
      if (token) {
        update({ phase: 'paired' })
        sendRaw({ type: 'hello', role: 'console', token })
      } else update({ phase: 'ready' })
    }
    socket.onmessage = (e) => {
      try {
        message(e.data)
      } catch {
        counts.dropped++
      }
    }
    socket.onclose = () => {
      socket = null
      update({ phase: token ? 'paired' : 'connecting', headsetConnected: false })
      schedule()
    }
    socket.onerror = () => undefined
  }
  function schedule() {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = null
      open()
    }, 500)
  }
  open()
  return {
    join(code: string) {
      update({ refused: null })
      sendRaw({ type: 'join', code })
    },
    /**
     * Sends a command; returns its id (the headset acknowledges it), or null when not paired. `beat`: the beat the
     * trainer saw, for commands that act on it (skip, repeat); the headset drops them when the scene has moved on.
     */
    command(command: CommandName, options: { text?: string; beat?: string } = {}): number | null {
      if (!token || socket?.readyState !== WebSocket.OPEN) return null
      const id = nextId++
      sendRaw({ type: 'command', token, id, command, ...(options.text === undefined ? {} : { text: options.text }), ...(options.beat === undefined ? {} : { beat: options.beat }) })
      return id
    },
    /** Leaves the pairing (a new code is needed to pair again). */
    unpair() {
      forget()
      socket?.close()
    },
    close() {
      closed = true
      if (retry) clearTimeout(retry)
      socket?.close()
    },
    status: () => status,
    counts: () => ({ ...counts }),
  }
}

export type ConsoleLink = ReturnType<typeof connectConsole>
