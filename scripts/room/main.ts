/**
 * `npm run room`: the way to run real headset sessions. Builds the app when the build is older than its sources,
 * then serves it over HTTPS on the local network with the console relay, on one port (PERSPECTIEF_ROOM_PORT,
 * default 8443). Nothing leaves the room: no internet is needed, and the relay keeps nothing.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { certDir, lanAddresses, loadOrCreateCert } from './cert.ts'
import { createRoomServer } from './server.ts'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const dist = process.env.PERSPECTIEF_ROOM_DIST ?? join(repoRoot, 'dist')
const port = Number(process.env.PERSPECTIEF_ROOM_PORT ?? 8443)
const host = process.env.PERSPECTIEF_ROOM_HOST ?? '0.0.0.0'

function newest(path: string): number {
  if (!existsSync(path)) return 0
  const s = statSync(path)
  if (!s.isDirectory()) return s.mtimeMs
  return Math.max(s.mtimeMs, ...readdirSync(path).map((n) => newest(join(path, n))))
}

/** Stale when any source the build reads is newer than the built index page. */
function buildIsStale(): boolean {
  const built = join(dist, 'index.html')
  if (!existsSync(built)) return true
  const sources = ['src', 'scenes', 'assets', 'package.json', 'vite.config.ts'].map((p) => newest(join(repoRoot, p)))
  return Math.max(...sources) > statSync(built).mtimeMs
}

if (process.env.PERSPECTIEF_ROOM_DIST === undefined && buildIsStale()) {
  console.log('Building the app (the build is older than its sources)…')
  const r = spawnSync('npx', ['vite', 'build'], { cwd: repoRoot, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

const { key, cert, created } = await loadOrCreateCert()
if (created) console.log(`Made a certificate for this machine in ${certDir()}`)
const { app } = await createRoomServer({ dist, key, cert })
await app.listen({ port, host })
console.log(`Perspectief room server on port ${port}. Open on the headset and the trainer's laptop:`)
for (const a of lanAddresses()) console.log(`  https://${a}:${port}/   (console: https://${a}:${port}/console.html)`)
console.log('The browser asks once to trust this machine’s own certificate. Stop with Ctrl+C.')
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void app.close().then(() => process.exit(0)))
