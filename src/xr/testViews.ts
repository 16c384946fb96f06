import { PerspectiveCamera, Quaternion, Raycaster, SRGBColorSpace, Vector3, WebGLRenderTarget, type Camera, type Intersection, type Mesh, type Object3D, type Scene, type WebGLRenderer } from 'three'
import { clientPointerRenderOrder } from './VrButton.tsx'

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
    const hits = meshesOnRay(world, ray)
    const first = hits[0]?.object
    let insideFigure = false
    for (let p: Object3D | null = first ?? null; p; p = p.parent) if (p === o) insideFigure = true
    // A figure that is not drawn (not home) is not in sight, whatever the ray meets.
    out[o.name.slice('figure:'.length)] = shownInWorld(o) && (hits.length === 0 || insideFigure)
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

/**
 * The name the worlds give their XROrigin. The client's own controllers hang under it; their pointer's ray and dot
 * are drawn at clientPointerRenderOrder (the dot is put straight into the scene). They are the client's hands,
 * which the client moves, so the button check looks past them.
 */
export const clientOriginName = 'client-origin'

function underClientOrigin(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (p.name === clientOriginName) return true
  return false
}

/** The world position of a view's eye (the XR camera's real pose in a headset; see viewOf). */
export function eyeOf(view: Camera): Vector3 {
  return new Vector3().setFromMatrixPosition(view.matrixWorld)
}

function shownInWorld(o: Object3D): boolean {
  for (let p: Object3D | null = o; p; p = p.parent) if (!p.visible) return false
  return true
}

/**
 * Every visible mesh a ray meets, nearest first, with each mesh's own geometry test (its class's `raycast`), even
 * where the app switched a mesh's raycast off for controller rays: tests ask what the eye sees, not what a ray selects.
 */
export function meshesOnRay(world: Object3D, ray: Raycaster, options: { skipClient?: boolean } = {}): Intersection[] {
  const hits: Intersection[] = []
  world.traverse((o) => {
    if (!(o as Mesh).isMesh || !shownInWorld(o)) return
    if (options.skipClient && (underClientOrigin(o) || o.renderOrder === clientPointerRenderOrder)) return
    ;(Object.getPrototypeOf(o) as Mesh).raycast.call(o, ray, hits)
  })
  return hits.sort((a, b) => a.distance - b.distance)
}

export interface LookReport {
  /** Buttons (by id) whose corner a ray from the eye does not reach first, with what it met instead. */
  occluded: { button: string; hit: string }[]
  /** How many buttons were checked. */
  buttons: number
  /** The nearest figure mesh to the eye (the client's own body excluded), in metres. */
  closest: { figure: string; distance: number } | null
  /**
   * The client's own body (first person): how far its highest drawn triangle reaches above the chin (10 cm below
   * the eyes), in metres; null when nothing does (its neck and head are hidden, and the shoulders sit lower).
   */
  ownBodyAboveChin: number | null
}

function figureOf(o: Object3D): string | null {
  for (let p: Object3D | null = o; p; p = p.parent) if (p.name.startsWith('figure:')) return p.name.slice('figure:'.length)
  return null
}

/**
 * What the client sees, checked as a person would: from the view's eye, a ray to each corner of every VR button
 * (inset 3%) must meet that button before anything else (the client's own controllers and rays excepted); no
 * figure mesh may come near the eyes. `ownBody` names the figure the client sits in (first person): for it, only
 * what reaches above the chin counts.
 */
/** A seated adult's chin is about 10 cm below the eyes. */
const chinBelowEyes = 0.1

export function lookCheck(world: Object3D, view: Camera, ownBody?: string): LookReport {
  world.updateMatrixWorld()
  const eye = eyeOf(view)
  const occluded: LookReport['occluded'] = []
  let buttons = 0
  world.traverse((o) => {
    if (!o.name.startsWith('button:') || !(o as Mesh).isMesh || !shownInWorld(o)) return
    buttons++
    const mesh = o as Mesh
    mesh.geometry.computeBoundingBox()
    const box = mesh.geometry.boundingBox!
    const centre = box.getCenter(new Vector3())
    for (const [x, y] of [[box.min.x, box.min.y], [box.max.x, box.min.y], [box.min.x, box.max.y], [box.max.x, box.max.y]] as const) {
      const corner = new Vector3(x, y, centre.z).lerp(centre, 0.03).applyMatrix4(mesh.matrixWorld)
      const ray = new Raycaster(eye, corner.clone().sub(eye).normalize(), 0.01, corner.distanceTo(eye) + 0.01)
      const first = meshesOnRay(world, ray, { skipClient: true })[0]
      if (first?.object !== mesh) {
        occluded.push({ button: o.name.slice('button:'.length), hit: first ? first.object.name || figureOf(first.object) || first.object.type : 'nothing' })
        break
      }
    }
  })
  let closest: LookReport['closest'] = null
  let own: number | null = null
  const v = new Vector3()
  const tri = [new Vector3(), new Vector3(), new Vector3()]
  world.traverse((o) => {
    const figure = figureOf(o)
    if (!figure || !(o as Mesh).isMesh || !shownInWorld(o)) return
    const mesh = o as Mesh
    const position = mesh.geometry.getAttribute('position')
    const index = mesh.geometry.getIndex()
    const at = (i: number, out: Vector3) => {
      mesh.getVertexPosition(i, out)
      return out.applyMatrix4(mesh.matrixWorld)
    }
    if (figure === ownBody) {
      // Triangles collapsed to a point (a hidden head) are not drawn; of the rest, only those above the chin count.
      const chin = eye.y - chinBelowEyes
      const count = index ? index.count : position.count
      for (let t = 0; t + 2 < count; t += 3) {
        for (let k = 0; k < 3; k++) at(index ? index.getX(t + k) : t + k, tri[k]!)
        if (v.copy(tri[1]!).sub(tri[0]!).cross(tri[2]!.clone().sub(tri[0]!)).length() < 1e-7) continue
        for (const p of tri) if (p.y > chin && (own === null || p.y - chin > own)) own = p.y - chin
      }
      return
    }
    for (let i = 0; i < position.count; i++) {
      const d = at(i, v).distanceTo(eye)
      if (!closest || d < closest.distance) closest = { figure, distance: d }
    }
  })
  return { occluded, buttons, closest, ownBodyAboveChin: own }
}
