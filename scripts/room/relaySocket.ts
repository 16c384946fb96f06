import type { WebSocket } from 'ws'
import type { Relay } from '../../src/room/relay.ts'

/**
 * Joins one `ws` socket to the relay core: frames in, frames out, close on either side. Text and binary frames
 * both go to the core, which checks them; the socket's own `maxPayload` already refuses anything far too big.
 */
export function attachSocket(relay: Relay, socket: WebSocket, address: string): void {
  const handle = relay.open({
    address,
    send: (frame) => {
      if (socket.readyState === socket.OPEN) socket.send(frame)
    },
    close: () => socket.close(4000, 'replaced'),
  })
  socket.on('message', (data, isBinary) => handle.message(isBinary ? (Array.isArray(data) ? Buffer.concat(data) : data) : data.toString()))
  socket.on('close', () => handle.close())
  socket.on('error', () => handle.close())
}
