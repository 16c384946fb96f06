import { createXRStore } from '@react-three/xr'
import { clientPointerRenderOrder } from './VrButton.tsx'

/**
 * The headset session, with every option we set and why (src/xr/README.md, "Session options"):
 * - `offerSession: false` — the browser's own VR button would enter without a user gesture, and audio would
 *   stay locked; the 2D start screen unlocks audio in its click and then calls `enterVR()`.
 * - `emulate: false` — @react-three/xr's emulator only injects on localhost without native XR; tests install
 *   IWER themselves (see emulation.ts), and a real headset must never get an emulator.
 * - `frameRate` — 'high' would pick 120 Hz on a Quest 3; 72 (or 90 where 72 is missing) keeps within budget.
 * - `foveation: 0.4` — three.js defaults to maximum, which blurs the periphery where the door crack is.
 * - `hand: false` — hand tracking costs frames and the scenes use controllers.
 * - `baseAssetPath` — controller models come from our own origin, never from a CDN.
 * - `referenceSpaceType` 'local-floor' — the client is seated, the floor is the floor.
 * - `controller.rayPointer` — the ray and its dot draw over the question panels (clientPointerRenderOrder), so the
 *   client sees which button they point at; the library's default drew them under the panels.
 */
export function createSceneXRStore(baseAssetPath = new URL('xr-profiles/', document.baseURI).href) {
  return createXRStore({
    offerSession: false,
    emulate: false,
    frameRate: (rates) => (Array.from(rates).includes(72) ? 72 : Array.from(rates).includes(90) ? 90 : false),
    foveation: 0.4,
    hand: false,
    baseAssetPath,
    defaultControllerProfileId: 'meta-quest-touch-plus',
    referenceSpaceType: 'local-floor',
    controller: { rayPointer: { rayModel: { renderOrder: clientPointerRenderOrder }, cursorModel: { renderOrder: clientPointerRenderOrder } } },
  } as Parameters<typeof createXRStore>[0])
}

export type SceneXRStore = ReturnType<typeof createSceneXRStore>
