import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { loadOrCreateCert } from '../../scripts/room/cert.ts'
import { createRoomServer } from '../../scripts/room/server.ts'

/** The e2e build (playwright.config.ts makes it fresh every run). */
export const e2eDist = join(import.meta.dirname, '../../.test-output/dist')

/**
 * Starts the room server (`npm run room`'s server) in the test process on a free port, serving the e2e build,
 * with a certificate made for the run in a temporary directory (never the user's own). `stop()` closes it and
 * removes the certificate.
 */
export async function startRoomServer(port = 0) {
  const dir = mkdtempSync(join(tmpdir(), 'perspectief-room-cert-'))
  const { key, cert } = await loadOrCreateCert(dir)
  const { app, relay } = await createRoomServer({ dist: e2eDist, key, cert })
  await app.listen({ port, host: '127.0.0.1' })
  const address = app.server.address() as AddressInfo
  return {
    origin: `https://localhost:${address.port}`,
    port: address.port,
    relay,
    async stop() {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
