import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'

/**
 * The room server's certificate: made on this machine the first time, kept outside the repository (in
 * ~/.perspectief/room-cert, or PERSPECTIEF_ROOM_CERT_DIR), and made again when it is close to expiring or no
 * longer names this machine's addresses. Self-signed: the headset's browser asks once to trust it.
 */
export function certDir(): string {
  return process.env.PERSPECTIEF_ROOM_CERT_DIR ?? join(homedir(), '.perspectief', 'room-cert')
}

/** This machine's IPv4 addresses on the local network (and loopback). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === 'IPv4')
    .map((i) => i!.address)
}

export async function loadOrCreateCert(dir = certDir()): Promise<{ key: string; cert: string; created: boolean }> {
  const keyFile = join(dir, 'key.pem')
  const certFile = join(dir, 'cert.pem')
  const namesFile = join(dir, 'names.json')
  const addresses = lanAddresses()
  if (existsSync(keyFile) && existsSync(certFile) && existsSync(namesFile)) {
    const meta = JSON.parse(readFileSync(namesFile, 'utf8')) as { addresses: string[]; notAfter: string }
    const fresh = new Date(meta.notAfter).getTime() - Date.now() > 7 * 24 * 3600 * 1000
    if (fresh && addresses.every((a) => meta.addresses.includes(a))) return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), created: false }
  }
  const notAfter = new Date(Date.now() + 365 * 24 * 3600 * 1000)
  const pems = await generate([{ name: 'commonName', value: 'Perspectief room' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, ...addresses.map((ip) => ({ type: 7 as const, ip }))] },
    ],
  })
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  writeFileSync(keyFile, pems.private, { mode: 0o600 })
  writeFileSync(certFile, pems.cert)
  writeFileSync(namesFile, JSON.stringify({ addresses, notAfter: notAfter.toISOString() }))
  return { key: pems.private, cert: pems.cert, created: true }
}
