import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { buildFigure, type FigureLook } from '../figures/buildFigure.ts'
import { applyPose } from '../figures/poses.ts'
import { buildChildBedroom } from './buildChildBedroom.ts'
import { childBed, childEyeTargets, childEyeZ, door, doorOpen, eyeHeights, figureSpots, room, siblingBed, siblingHeight, type Intensity } from './childEyeLayout.ts'

const intensities: Intensity[] = ['heard', 'seen', 'full']

/** Draw calls = visible meshes, points and lines; triangles from the index (or the positions). */
function budget(object: THREE.Object3D): { drawCalls: number; triangles: number } {
  let drawCalls = 0
  let triangles = 0
  object.traverseVisible((child) => {
    if (child instanceof THREE.Mesh) {
      drawCalls += 1
      const g = child.geometry as THREE.BufferGeometry
      triangles += (g.index ? g.index.count : g.getAttribute('position').count) / 3
    } else if (child instanceof THREE.Points || child instanceof THREE.Line) {
      drawCalls += 1
    }
  })
  return { drawCalls, triangles }
}

const looks: Record<'father' | 'mother' | 'sibling', FigureLook> = {
  father: { height: 1.84, build: 'broad', skin: '#c99a7a', hair: { style: 'short', colour: '#3b2a20' }, beard: 'stubble', top: '#4b5563', bottom: '#2f3640', shoes: '#1f1f1f' },
  mother: { height: 1.68, build: 'slim', form: 'feminine', skin: '#d8aa8c', hair: { style: 'long', colour: '#6b3e26' }, top: '#9b4d5a', bottom: '#3a4660', shoes: '#2a2a2a' },
  sibling: { height: siblingHeight, build: 'slim', skin: '#d2a284', hair: { style: 'ponytail', colour: '#4a3222' }, top: '#5c8a6e', bottom: '#34495e', shoes: '#3d3d3d' },
}

function placedFigure(role: 'father' | 'mother' | 'sibling', intensity: Intensity, pose: Parameters<typeof applyPose>[1] = 'stand') {
  const figure = buildFigure(looks[role])
  const spot = figureSpots[intensity][role]
  figure.root.position.set(...spot.position)
  figure.root.rotation.y = spot.rotationY
  applyPose(figure.joints, pose, 1)
  figure.ground()
  figure.root.updateMatrixWorld(true)
  return figure
}

const eye = new THREE.Vector3(0, eyeHeights[7], childEyeZ)

/** Whatever in `occluders` lies on the straight line from the child's eye to the point. */
function blockers(point: THREE.Vector3, occluders: THREE.Object3D[]): THREE.Intersection[] {
  const direction = point.clone().sub(eye)
  const distance = direction.length()
  const raycaster = new THREE.Raycaster(eye, direction.normalize(), 0, distance - 0.02)
  return raycaster.intersectObjects(occluders, false)
}

describe('buildChildBedroom', () => {
  for (const intensity of intensities) {
    for (const sibling of [true, false]) {
      it(`stays within the headset budget (${intensity}, sibling ${sibling})`, () => {
        const bedroom = buildChildBedroom({ intensity, sibling })
        const { drawCalls, triangles } = budget(bedroom.root)
        expect(drawCalls).toBeLessThanOrEqual(22)
        expect(triangles).toBeLessThanOrEqual(40_000)
        bedroom.dispose()
      })
    }
  }

  it('keeps the whole scene (room and three figures) within 60 draw calls and 100k triangles', () => {
    for (const intensity of intensities) {
      const bedroom = buildChildBedroom({ intensity, sibling: true })
      const figures = (['father', 'mother', 'sibling'] as const).map((role) => placedFigure(role, intensity))
      const scene = new THREE.Scene()
      scene.add(bedroom.root, ...figures.map((f) => f.root))
      const { drawCalls, triangles } = budget(scene)
      expect(drawCalls).toBeLessThanOrEqual(60)
      expect(triangles).toBeLessThanOrEqual(100_000)
      bedroom.dispose()
      for (const f of figures) f.dispose()
    }
  })

  it('lights the room with one hemisphere light and at most two point or spot lights, without shadows', () => {
    const bedroom = buildChildBedroom({ intensity: 'seen', sibling: true })
    const lights: THREE.Light[] = []
    bedroom.root.traverse((o) => {
      if (o instanceof THREE.Light) lights.push(o)
    })
    expect(lights.filter((l) => l instanceof THREE.HemisphereLight || l instanceof THREE.AmbientLight)).toHaveLength(1)
    const local = lights.filter((l) => l instanceof THREE.PointLight || l instanceof THREE.SpotLight)
    expect(local.length).toBeLessThanOrEqual(2)
    expect(lights.some((l) => l instanceof THREE.DirectionalLight || l instanceof THREE.RectAreaLight)).toBe(false)
    expect(lights.every((l) => !l.castShadow)).toBe(true)
    // The hallway lamp outshines everything in the bedroom, so the doorway draws the eye.
    const hall = local.find((l) => l.name === 'hallway-lamp')
    expect(hall).toBeDefined()
    for (const l of local) if (l !== hall) expect(hall!.intensity).toBeGreaterThan(l.intensity)
    bedroom.dispose()
  })

  it('reuses one material per colour: no two meshes of the static room share a material', () => {
    const bedroom = buildChildBedroom({ intensity: 'full', sibling: true })
    const staticMeshes = bedroom.root.children.filter((c): c is THREE.Mesh => c instanceof THREE.Mesh && c.name !== 'bedroom-door-light')
    const materials = staticMeshes.map((m) => m.material)
    expect(new Set(materials).size).toBe(materials.length)
    bedroom.dispose()
  })

  it('opens the door with the layout value for the intensity and swings it on its hinge', () => {
    for (const intensity of intensities) {
      const bedroom = buildChildBedroom({ intensity, sibling: false })
      expect(bedroom.doorFraction).toBeCloseTo(doorOpen[intensity], 10)
      expect(bedroom.doorPivot.rotation.y).toBeCloseTo(-doorOpen[intensity] * (Math.PI / 2), 10)
      bedroom.dispose()
    }
    const bedroom = buildChildBedroom({ intensity: 'heard', sibling: false })
    const leaf = bedroom.doorPivot.getObjectByName('bedroom-door-leaf') as THREE.Mesh
    const leafBox = () => {
      bedroom.root.updateMatrixWorld(true)
      return new THREE.Box3().setFromObject(leaf)
    }
    bedroom.setDoorOpen(0)
    expect(bedroom.doorPivot.rotation.y).toBeCloseTo(0, 10)
    const closed = leafBox()
    // Closed: the leaf fills the opening, in the wall's plane.
    expect(closed.min.x).toBeCloseTo(door.hingeX, 1)
    expect(closed.max.x).toBeCloseTo(door.hingeX + door.width, 1)
    expect(closed.max.z).toBeLessThanOrEqual(door.z + 0.01)
    expect(closed.min.z).toBeGreaterThan(door.z - room.wallThickness)
    bedroom.setDoorOpen(1)
    expect(bedroom.doorPivot.rotation.y).toBeCloseTo(-Math.PI / 2, 10)
    const open = leafBox()
    // Fully open: it has swung into the room (inwards) along the left jamb.
    expect(open.max.z).toBeCloseTo(door.z + door.width, 1)
    expect(open.max.x).toBeLessThan(door.hingeX + 0.06)
    bedroom.setDoorOpen(0.5)
    expect(bedroom.doorPivot.rotation.y).toBeCloseTo(-Math.PI / 4, 10)
    // Out-of-range values are clamped.
    bedroom.setDoorOpen(3)
    expect(bedroom.doorFraction).toBe(1)
    bedroom.setDoorOpen(-1)
    expect(bedroom.doorFraction).toBe(0)
    bedroom.dispose()
  })

  it('hides the parents behind the wall when only heard, and shows them through the door when seen or in full', () => {
    for (const intensity of intensities) {
      const bedroom = buildChildBedroom({ intensity, sibling: true })
      bedroom.root.updateMatrixWorld(true)
      const walls = bedroom.occluders.filter((m) => m.name === 'bedroom-roomWall' || m.name === 'bedroom-hallWall')
      expect(walls).toHaveLength(2)
      for (const role of ['father', 'mother'] as const) {
        const figure = placedFigure(role, intensity)
        const chest = figure.joints.chest.getWorldPosition(new THREE.Vector3())
        const head = figure.joints.head.getWorldPosition(new THREE.Vector3())
        // The spots are in the hallway, beyond the front wall.
        expect(chest.z).toBeLessThan(room.minZ - room.wallThickness)
        if (intensity === 'heard') {
          const hits = blockers(chest, walls)
          expect(hits.length, `${role} should be hidden by the wall`).toBeGreaterThan(0)
          expect(hits[0]!.object.name).toBe('bedroom-roomWall')
          expect(blockers(head, walls).length).toBeGreaterThan(0)
        } else {
          expect(blockers(chest, walls), `${role}'s chest should show through the door`).toHaveLength(0)
          // Nothing else in the room (the door leaf, furniture) is in the way either.
          expect(blockers(chest, bedroom.occluders), `${role}'s chest should not be hidden by the door or furniture`).toHaveLength(0)
        }
        figure.dispose()
      }
      bedroom.dispose()
    }
  })

  it('shows more of the hallway as the door opens: the visible share of the parents grows with intensity', () => {
    const share: Record<string, number> = {}
    for (const intensity of intensities) {
      const bedroom = buildChildBedroom({ intensity, sibling: false })
      bedroom.root.updateMatrixWorld(true)
      let visible = 0
      let total = 0
      for (const role of ['father', 'mother'] as const) {
        const figure = placedFigure(role, intensity)
        for (const name of ['head', 'chest', 'hips', 'handL', 'handR', 'kneeL', 'kneeR', 'shoulderL', 'shoulderR'] as const) {
          total += 1
          if (blockers(figure.joints[name].getWorldPosition(new THREE.Vector3()), bedroom.occluders).length === 0) visible += 1
        }
        figure.dispose()
      }
      share[intensity] = visible / total
      bedroom.dispose()
    }
    expect(share.heard).toBe(0)
    expect(share.seen).toBeGreaterThan(0.4)
    expect(share.full).toBeGreaterThan(share.seen!)
  })

  it('puts the key content within about 30° of straight ahead and the room target away from the door', () => {
    const forward = new THREE.Vector3(0, 0, -1)
    const angle = (target: THREE.Vector3) => {
      const d = target.clone().sub(eye)
      d.y = 0
      return THREE.MathUtils.radToDeg(d.angleTo(forward))
    }
    expect(angle(childEyeTargets.door)).toBeLessThanOrEqual(30)
    expect(angle(childEyeTargets.parents)).toBeLessThanOrEqual(30)
    expect(angle(childEyeTargets.room)).toBeGreaterThan(90)
    expect(angle(childEyeTargets.window)).toBeGreaterThan(60)
    const doorDir = childEyeTargets.door.clone().sub(eye).normalize()
    const roomDir = childEyeTargets.room.clone().sub(eye).normalize()
    expect(THREE.MathUtils.radToDeg(doorDir.angleTo(roomDir))).toBeGreaterThan(60)
  })

  it('seats the sibling on their own bed and the child on his', () => {
    const spot = figureSpots.seen.sibling
    expect(spot.position[0]).toBeGreaterThan(siblingBed.minX)
    expect(spot.position[0]).toBeLessThan(siblingBed.maxX)
    expect(spot.position[2]).toBeGreaterThan(siblingBed.minZ)
    expect(spot.position[2]).toBeLessThan(siblingBed.maxZ)
    expect(spot.position[1]).toBeCloseTo(siblingBed.mattressTop, 5)
    for (const intensity of intensities) expect(figureSpots[intensity].sibling).toEqual(spot)
    expect(eye.x).toBeGreaterThan(childBed.minX)
    expect(eye.x).toBeLessThan(childBed.maxX)
    expect(eye.z).toBeGreaterThan(childBed.minZ)
    expect(eyeHeights[4]).toBeLessThan(eyeHeights[7])
    expect(eyeHeights[7]).toBeLessThan(eyeHeights[12])
  })

  it('frees every geometry and material on dispose', () => {
    const bedroom = buildChildBedroom({ intensity: 'full', sibling: true })
    const geometries = new Set<THREE.BufferGeometry>()
    const materials = new Set<THREE.Material>()
    bedroom.root.traverse((o) => {
      if (o instanceof THREE.Mesh || o instanceof THREE.Points) {
        geometries.add(o.geometry)
        materials.add(o.material as THREE.Material)
      }
    })
    const freed = new Set<unknown>()
    for (const g of geometries) g.addEventListener('dispose', () => freed.add(g))
    for (const m of materials) m.addEventListener('dispose', () => freed.add(m))
    bedroom.dispose()
    expect(geometries.size).toBeGreaterThan(10)
    for (const g of geometries) expect(freed.has(g)).toBe(true)
    for (const m of materials) expect(freed.has(m)).toBe(true)
  })
})
