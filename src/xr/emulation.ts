/**
 * Loads Meta's IWER headset emulator, but only in test builds and only when the page asks (`?xr=emulate`).
 * Chromium has a native `navigator.xr` with no device behind it, so the install must be forced; React's strict
 * mode mounts twice, so it is installed once behind a single promise.
 */
let installing: Promise<unknown> | null = null

export function emulationRequested(search = location.search): boolean {
  return __TEST_MODE__ && new URLSearchParams(search).get('xr') === 'emulate'
}

export function installEmulatorIfRequested(): Promise<unknown> | null {
  // A literal test-mode check first, so production builds drop the emulator chunk altogether.
  if (!__TEST_MODE__) return null
  if (!emulationRequested()) return null
  installing ??= import('iwer').then(({ XRDevice, metaQuest3 }) => {
    const device = new XRDevice(metaQuest3)
    device.installRuntime({ forceInstall: true } as never)
    ;(window as unknown as { __iwer: unknown }).__iwer = device
    return device
  })
  return installing
}
