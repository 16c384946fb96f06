import fastifyHelmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'
import fastifyWebsocket from '@fastify/websocket'
import Fastify from 'fastify'
import type { IncomingMessage } from 'node:http'
import { maxFrameBytes, roomPath } from '../../src/room/protocol.ts'
import { createRelay } from '../../src/room/relay.ts'
import { permissionsPolicy, policyDirectives } from './headers.ts'
import { attachSocket } from './relaySocket.ts'

export interface RoomServerOptions {
  /** The production build to serve. */
  dist: string
  key: string
  cert: string
}

/**
 * The room server: the production build over HTTPS with security headers on every response, and the console relay
 * on the same origin at /room. Fastify with its static, helmet and websocket plugins; it logs nothing (no request
 * lines, no frame contents).
 */
export async function createRoomServer({ dist, key, cert }: RoomServerOptions) {
  const app = Fastify({ https: { key, cert }, logger: false })
  const relay = createRelay()
  const sweep = setInterval(() => relay.sweep(), 30_000)
  sweep.unref()
  app.addHook('onClose', async () => clearInterval(sweep))

  const directives = Object.fromEntries(
    Object.keys(policyDirectives(undefined)).map((name) => [
      name,
      // connect-src names the relay's wss origin, which depends on the address the page was opened at.
      name === 'connect-src' ? [(req: IncomingMessage) => policyDirectives(req.headers.host)[name]!.join(' ')] : policyDirectives(undefined)[name]!,
    ]),
  )
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  })
  app.addHook('onSend', async (_req, reply) => {
    reply.header('Permissions-Policy', permissionsPolicy)
  })
  await app.register(fastifyWebsocket, { options: { maxPayload: maxFrameBytes } })
  app.register(async (scope) => {
    scope.get(roomPath, { websocket: true }, (socket, req) => attachSocket(relay, socket, req.socket.remoteAddress ?? 'unknown'))
  })
  await app.register(fastifyStatic, { root: dist, index: ['index.html'], cacheControl: true, maxAge: 0 })
  return { app, relay }
}
