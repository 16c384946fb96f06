/** A random session id. `crypto.randomUUID` needs a secure context, which a headset on plain LAN http is not. */
export function newSessionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')
}
