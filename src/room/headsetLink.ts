import { inboundFrameSchema, parseFrame, rateWindow, roomPath, type ClientFrame, type CommandFrame, type SessionState } from './protocol.ts'

/**
 * The headset's side of the trainer's console: a WebSocket to the relay on the page's own origin, which shows a
 * pairing code, keeps its session token, and passes the console's commands on, only with that token. It never
 * makes the session wait: sending is fire-and-forget, a missing relay only means no console, and a lost socket is
 * reopened in the background (with the token, so the pair comes back after a relay restart).
 */
export interface HeadsetLinkStatus {
  /** `offline`: no relay (yet); `code`: showing a code; `paired`: has a token (console there or not). */
  phase: 'offline' | 'code' | 'paired'
  code: string | null
  consoleConnected: boolean
}

export interface HeadsetHandlerOptions {
  onStatus(status: HeadsetLinkStatus): void
  /** A command carrying this headset's token. Returns whether it was carried out. */
  onCommand(command: CommandFrame): void
  sendFrame(frame: ClientFrame): void
  now?(): number
}

/**
 * The message handler, without a socket: takes raw frames as they arrive. Checks size, rate and schema; drops and
 * counts anything else; never throws.
 */
export function createHeadsetHandler(options: HeadsetHandlerOptions) {
  let token: string | null = null
  let status: HeadsetLinkStatus = { phase: 'offline', code: null, consoleConnected: false }
  const rate = rateWindow(120)
  const counts = { handled: 0, dropped: 0, refusedCommands: 0 }
  const update = (next: Partial<HeadsetLinkStatus>) => {
    status = { ...status, ...next }
    options.onStatus(status)
  }
  return {
    /** A socket opened: say hello (with the token, if paired before). */
    opened() {
      options.sendFrame(token ? { type: 'hello', role: 'headset', token } : { type: 'hello', role: 'headset' })
    },
    closed() {
      update({ phase: 'offline', code: null, consoleConnected: false })
    },
    /** Asks for a fresh code (the old one expired unused). */
    renewCode() {
      if (!token) options.sendFrame({ type: 'hello', role: 'headset' })
    },
    message(raw: unknown) {
      try {
        if (!rate.allow(options.now?.() ?? performance.now())) return void counts.dropped++
        const frame = parseFrame(raw, inboundFrameSchema)
        if (!frame) return void counts.dropped++
        counts.handled++
        switch (frame.type) {
          case 'code':
            if (token) return
            return update({ phase: 'code', code: frame.code })
          case 'paired':
            token = frame.token
            return update({ phase: 'paired', code: null })
          case 'peer':
            return update({ consoleConnected: frame.connected })
          case 'command':
            if (!token || frame.token !== token) return void counts.refusedCommands++
            return options.onCommand(frame)
          default:
            // refused, and frames meant for a console: nothing to do here.
            return
        }
      } catch {
        counts.dropped++
      }
    },
    status: () => status,
    token: () => token,
    counts: () => ({ ...counts }),
  }
}

export type HeadsetHandler = ReturnType<typeof createHeadsetHandler>

/** The relay's address on this page's origin: wss on https pages, ws on http ones (dev and tests). */
export function relayUrl(location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${roomPath}`
}

export interface HeadsetLink {
  status(): HeadsetLinkStatus
  /** Sends a frame now if the socket is open and paired with a console; otherwise drops it (nothing waits). */
  send(frame: ClientFrame): void
  /** Whether a console is there to receive (so callers can skip building frames). */
  live(): boolean
  close(): void
  handler: HeadsetHandler
}

/** Opens the link and keeps it open; retries every few seconds while there is no relay. */
export function connectHeadset(options: Omit<HeadsetHandlerOptions, 'sendFrame'>, url = relayUrl()): HeadsetLink {
  let socket: WebSocket | null = null
  let closed = false
  let retry: ReturnType<typeof setTimeout> | null = null
  let renew: ReturnType<typeof setTimeout> | null = null
  let attempt = 0
  const sendFrame = (frame: ClientFrame) => {
    if (socket?.readyState === WebSocket.OPEN && socket.bufferedAmount < 64 * 1024) socket.send(JSON.stringify(frame))
  }
  const handler = createHeadsetHandler({
    ...options,
    sendFrame,
    onStatus(status) {
      if (renew) clearTimeout(renew)
      renew = null
      // A code lives 10 minutes at the relay; ask for a new one just before.
      if (status.phase === 'code') renew = setTimeout(() => handler.renewCode(), 9.5 * 60 * 1000)
      options.onStatus(status)
    },
  })
  function open() {
    if (closed) return
    try {
      socket = new WebSocket(url)
    } catch {
      return schedule()
    }
    socket.onopen = () => {
      attempt = 0
      handler.opened()
    }
    socket.onmessage = (e) => handler.message(e.data)
    socket.onclose = () => {
      socket = null
      handler.closed()
      schedule()
    }
    socket.onerror = () => undefined
  }
  function schedule() {
    if (closed || retry) return
    attempt++
    retry = setTimeout(() => {
      retry = null
      open()
    }, Math.min(3000, 250 * attempt))
  }
  open()
  return {
    status: handler.status,
    send: sendFrame,
    live: () => socket?.readyState === WebSocket.OPEN && handler.status().consoleConnected,
    close() {
      closed = true
      if (retry) clearTimeout(retry)
      if (renew) clearTimeout(renew)
      socket?.close()
    },
    handler,
  }
}

/** What the state frame is made of, for the headset to fill in. */
export type { SessionState }
