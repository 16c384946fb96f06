/**
 * The set around a drink: table top, back wall, lights and the camera. Varying these per picture (and not per
 * category) is what keeps the category from being guessable from the background.
 */
import * as THREE from 'three'
import { tableTexture, wallTexture, type TableKind, type WallKind } from './textures.ts'
import type { Rng } from './random.ts'

export interface StageOptions {
  table: { kind: TableKind; a: THREE.ColorRepresentation; b?: THREE.ColorRepresentation; roughness?: number }
  wall: { kind: WallKind; a: THREE.ColorRepresentation; b: THREE.ColorRepresentation; lights?: THREE.ColorRepresentation[]; distance?: number }
  /** Key light direction in degrees (azimuth 0 = from the camera side, positive = from the right) and colour. */
  key?: { azimuth?: number; elevation?: number; color?: THREE.ColorRepresentation; intensity?: number }
  /** Strength of the room environment (fill light and reflections). */
  ambient?: number
}

export function buildStage(scene: THREE.Scene, options: StageOptions, rng: Rng): { wall: THREE.Mesh } {
  const { table, wall, key = {}, ambient = 0.55 } = options
  const tableMap = tableTexture(table.kind, rng, { a: table.a, ...(table.b === undefined ? {} : { b: table.b }) })
  const top = new THREE.Mesh(
    new THREE.PlaneGeometry(400, 400),
    // Weak reflections: the white studio environment would otherwise wash every table top out to grey.
    new THREE.MeshStandardMaterial({ map: tableMap, roughness: table.roughness ?? 0.7, metalness: 0, envMapIntensity: 0.35 }),
  )
  top.rotation.x = -Math.PI / 2
  top.receiveShadow = true
  scene.add(top)

  const distance = wall.distance ?? 70
  const back = new THREE.Mesh(
    new THREE.PlaneGeometry(1, 1),
    new THREE.MeshStandardMaterial({ map: wallTexture(wall.kind, rng, wall), roughness: 1, metalness: 0, envMapIntensity: 0.5 }),
  )
  back.position.set(0, 0, -distance)
  scene.add(back)

  scene.environmentIntensity = ambient

  const az = THREE.MathUtils.degToRad(key.azimuth ?? 35)
  const el = THREE.MathUtils.degToRad(key.elevation ?? 50)
  const light = new THREE.DirectionalLight(key.color ?? 0xfff4e6, key.intensity ?? 3)
  light.position.set(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)).multiplyScalar(100)
  light.castShadow = true
  light.shadow.mapSize.set(1024, 1024)
  light.shadow.radius = 5
  // Light shadows: the room environment fills them in, and glass (which casts them too) should not throw black ones.
  light.shadow.intensity = 0.6
  light.shadow.bias = -0.0005
  const s = light.shadow.camera
  s.left = s.bottom = -45
  s.right = s.top = 45
  s.near = 1
  s.far = 300
  scene.add(light)
  return { wall: back }
}

/**
 * Stretches the back wall over exactly what the camera sees of it (from the table up), so the whole wall picture
 * (bokeh lights, a window) lands in frame whatever the framing.
 */
export function fitWallToView(wall: THREE.Mesh, camera: THREE.PerspectiveCamera): void {
  const z = wall.position.z
  let minX = Infinity, maxX = -Infinity, maxY = -Infinity
  for (const [nx, ny] of [[-1, -1], [1, -1], [-1, 1], [1, 1]] as const) {
    const direction = new THREE.Vector3(nx, ny, 0.5).unproject(camera).sub(camera.position)
    const t = (z - camera.position.z) / direction.z
    const hit = camera.position.clone().addScaledVector(direction, t)
    minX = Math.min(minX, hit.x)
    maxX = Math.max(maxX, hit.x)
    maxY = Math.max(maxY, hit.y)
  }
  // Square, so round bokeh stays round; the part below the table edge is hidden anyway.
  const side = Math.max((maxX - minX) * 1.1, maxY * 1.05)
  wall.scale.set(side, side, 1)
  wall.position.set((minX + maxX) / 2, maxY * 1.05 - side / 2, z)
}

export interface Framing {
  /** Degrees above the table plane the camera looks down from. */
  elevation?: number
  /** Degrees around the subject (0 = straight on). */
  azimuth?: number
  /** How much of the frame the subject's bounding box fills (0.9 = close-up, 0.6 = wider shot). */
  fill?: number
  fov?: number
  /** Shifts the subject in the frame (NDC units, +y moves the subject up). */
  shift?: [number, number]
}

/**
 * Points the camera at the subject and moves it until the subject fills the requested share of the frame, so every
 * drink reads at the same size class on a phone whatever its real size.
 */
export function frameCamera(camera: THREE.PerspectiveCamera, subject: THREE.Object3D, framing: Framing): void {
  const { elevation = 12, azimuth = 0, fill = 0.78, fov = 32, shift = [0, 0] } = framing
  camera.fov = fov
  camera.aspect = 1
  camera.updateProjectionMatrix()
  subject.updateMatrixWorld(true)
  const box = new THREE.Box3().setFromObject(subject)
  const target = box.getCenter(new THREE.Vector3())
  const el = THREE.MathUtils.degToRad(elevation)
  const az = THREE.MathUtils.degToRad(azimuth)
  const direction = new THREE.Vector3(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el))
  let distance = box.getSize(new THREE.Vector3()).length() * 2
  const corners = [0, 1, 2, 3, 4, 5, 6, 7].map(
    (i) => new THREE.Vector3(i & 1 ? box.max.x : box.min.x, i & 2 ? box.max.y : box.min.y, i & 4 ? box.max.z : box.min.z),
  )
  const halfHeight = Math.tan(THREE.MathUtils.degToRad(fov / 2))
  for (let iteration = 0; iteration < 6; iteration++) {
    camera.position.copy(target).addScaledVector(direction, distance)
    camera.lookAt(target)
    camera.updateMatrixWorld(true)
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity
    for (const corner of corners) {
      const p = corner.clone().project(camera)
      minX = Math.min(minX, p.x)
      maxX = Math.max(maxX, p.x)
      minY = Math.min(minY, p.y)
      maxY = Math.max(maxY, p.y)
    }
    const extent = Math.max(maxX - minX, maxY - minY) / 2
    // Re-centre: move the aim point by the projected offset, converted back to world units at the target distance.
    const right = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 0)
    const up = new THREE.Vector3().setFromMatrixColumn(camera.matrixWorld, 1)
    const cx = (minX + maxX) / 2 - shift[0]
    const cy = (minY + maxY) / 2 - shift[1]
    target.addScaledVector(right, cx * distance * halfHeight).addScaledVector(up, cy * distance * halfHeight)
    distance *= extent / fill
  }
  camera.position.copy(target).addScaledVector(direction, distance)
  camera.lookAt(target)
  camera.near = distance * 0.05
  camera.far = distance * 20
  camera.updateProjectionMatrix()
}
