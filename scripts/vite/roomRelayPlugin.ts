import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import type { Plugin } from 'vite'
import { WebSocketServer } from 'ws'
import { maxFrameBytes, roomPath } from '../../src/room/protocol.ts'
import { createRelay } from '../../src/room/relay.ts'
import { attachSocket } from '../room/relaySocket.ts'

/**
 * The trainer's console relay on the dev and preview servers, so that development and the e2e tests pair the way
 * `npm run room` does. A `ws` server without a server of its own takes only upgrades for /room; every other
 * upgrade (Vite's hot-reload socket) is left alone for Vite.
 */
export function roomRelayPlugin(): Plugin {
  const attach = (httpServer: Server | null | undefined) => {
    if (!httpServer) return
    const relay = createRelay()
    const sweep = setInterval(() => relay.sweep(), 30_000)
    sweep.unref()
    const wss = new WebSocketServer({ noServer: true, maxPayload: maxFrameBytes })
    httpServer.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== roomPath) return
      wss.handleUpgrade(req, socket, head, (ws) => attachSocket(relay, ws, req.socket.remoteAddress ?? 'unknown'))
    })
    httpServer.on('close', () => {
      clearInterval(sweep)
      wss.close()
    })
  }
  return {
    name: 'perspectief-room-relay',
    configureServer: (server) => attach(server.httpServer as Server | null),
    configurePreviewServer: (server) => attach(server.httpServer as Server),
  }
}
