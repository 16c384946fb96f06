/**
 * Driving the built app in Debian's Chromium, shared by the e2e tests (test/e2e/) and the bench (scripts/bench.ts).
 */
/** Debian's Chromium; Playwright's own browser download does not work on these machines. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** Overridable so that two checkouts on one machine can run their e2e suites side by side. */
export const port = Number(process.env.PERSPECTIEF_E2E_PORT ?? 4319)

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--autoplay-policy=no-user-gesture-required',
]

/**
 * The emulated headset draws both eyes into the page's canvas with software GL: a small window keeps the frame rate
 * usable (about 4 frames a second at 1024 × 768, more at this size). Eye snapshots have their own size.
 */
export const headsetViewport = { width: 480, height: 360 }
