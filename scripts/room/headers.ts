/**
 * The security headers the room server sends with every response. The policy is the build's own (see
 * contentSecurityPolicy() in vite.config.ts, which puts it in a meta tag) plus what only a header can say:
 * `frame-ancestors 'none'`, and the relay's WebSocket origin in `connect-src`.
 */
export const permissionsPolicy = 'microphone=(self), xr-spatial-tracking=(self), camera=(), geolocation=(), payment=(), usb=()'

/** Host headers we accept into the policy: a name or address with an optional port, nothing else. */
const hostPattern = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/

/** The relay's origin for a request's Host (the page asks for wss: on the same host and port). */
export function socketOrigin(host: string | undefined): string | null {
  return host && hostPattern.test(host) ? `wss://${host}` : null
}

export function policyDirectives(host: string | undefined): Record<string, string[]> {
  const wss = socketOrigin(host)
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'blob:', 'data:'],
    'media-src': ["'self'", 'blob:', 'data:'],
    'connect-src': ["'self'", 'blob:', ...(wss ? [wss] : [])],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  }
}

export function contentSecurityPolicy(host: string | undefined): string {
  return Object.entries(policyDirectives(host))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}
