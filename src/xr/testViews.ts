import { PerspectiveCamera, Quaternion, Raycaster, SRGBColorSpace, Vector3, WebGLRenderTarget, type Camera, type Object3D, type Scene, type WebGLRenderer } from 'three'

/** What the client sees: in a headset, the XR camera's world pose with the left eye's projection; else the camera. */
export function viewOf(gl: WebGLRenderer, camera: Camera, inHeadset: boolean): Camera {
  if (!inHeadset) return camera
  const xr = gl.xr.getCamera()
  const eye = (xr.cameras[0] as Camera | undefined) ?? xr
  const view = new PerspectiveCamera()
  // The eye cameras' own world matrices are not kept up to date outside the XR render; the XR camera's is.
  view.matrixWorld.copy(xr.matrixWorld)
  view.matrixWorldInverse.copy(xr.matrixWorld).invert()
  view.projectionMatrix.copy(eye.projectionMatrix)
  view.projectionMatrixInverse.copy(eye.projectionMatrix).invert()
  view.matrixAutoUpdate = false
  view.matrixWorldAutoUpdate = false
  return view
}

/** The world orientation of a view (see viewOf), as [x, y, z, w], read from its world matrix. */
export function viewQuaternion(view: Camera): [number, number, number, number] {
  const q = new Quaternion().setFromRotationMatrix(view.matrixWorld)
  return [q.x, q.y, q.z, q.w]
}

/**
 * Renders the scene once more from a view (see viewOf) into a texture and returns it as a PNG (tests only), in the
 * view's own aspect ratio.
 */
export function eyeSnapshot(gl: WebGLRenderer, world: Object3D, eye: Camera, height = 720): string {
  const p = eye.projectionMatrix.elements
  const aspect = p[0] && p[5] ? Math.abs(p[5] / p[0]) : 4 / 3
  const width = Math.round(height * Math.min(2, Math.max(0.5, aspect)))
  const target = new WebGLRenderTarget(width, height, { stencilBuffer: true })
  target.texture.colorSpace = SRGBColorSpace
  const xrEnabled = gl.xr.enabled
  const previous = gl.getRenderTarget()
  gl.xr.enabled = false
  gl.setRenderTarget(target)
  gl.render(world as Scene, eye)
  gl.setRenderTarget(previous)
  gl.xr.enabled = xrEnabled
  const pixels = new Uint8Array(width * height * 4)
  gl.readRenderTargetPixels(target, 0, 0, width, height, pixels)
  target.dispose()
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const image = canvas.getContext('2d')!.createImageData(width, height)
  // WebGL rows start at the bottom.
  for (let y = 0; y < height; y++) image.data.set(pixels.subarray((height - 1 - y) * width * 4, (height - y) * width * 4), y * width * 4)
  canvas.getContext('2d')!.putImageData(image, 0, 0)
  return canvas.toDataURL('image/png')
}

/** For e2e tests: can the eyes see each figure's chest, or is something in the way? */
export function figuresInSight(world: Object3D, eyes: Vector3, chestHeight = 1.2): Record<string, boolean> {
  const out: Record<string, boolean> = {}
  world.traverse((o) => {
    if (!o.name.startsWith('figure:')) return
    const chest = o.getWorldPosition(new Vector3()).add(new Vector3(0, chestHeight, 0))
    const ray = new Raycaster(eyes, chest.clone().sub(eyes).normalize(), 0.05, chest.distanceTo(eyes))
    const hits = ray.intersectObject(world, true).filter((h) => h.object.visible)
    const first = hits[0]?.object
    let insideFigure = false
    for (let p: Object3D | null = first ?? null; p; p = p.parent) if (p === o) insideFigure = true
    out[o.name.slice('figure:'.length)] = hits.length === 0 || insideFigure
  })
  return out
}

/** World centres of every object named `button:<id>`, for aiming a controller in tests. */
export function buttonCentres(world: Object3D): Record<string, [number, number, number]> {
  const out: Record<string, [number, number, number]> = {}
  world.traverse((o) => {
    if (o.name.startsWith('button:')) {
      const p = o.getWorldPosition(new Vector3())
      out[o.name.slice('button:'.length)] = [p.x, p.y, p.z]
    }
  })
  return out
}
