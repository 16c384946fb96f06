import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { ageFromHeight, buildFigure, type FigureLook } from './buildFigure.ts'
import { figureRestOffsets, jointNames, jointParent } from './figureJoints.ts'
import { applyPose, isPoseName, poseNames, poses } from './poses.ts'

const base: FigureLook = { height: 1.8, build: 'average', skin: '#c99a7a', hair: { style: 'short', colour: '#3b2a20' }, top: '#4b5563', bottom: '#2f3640', shoes: '#1f1f1f' }

function meshes(root: THREE.Object3D): THREE.Mesh[] {
  const list: THREE.Mesh[] = []
  root.traverseVisible((o) => {
    if (o instanceof THREE.Mesh) list.push(o)
  })
  return list
}

function triangles(root: THREE.Object3D): number {
  return meshes(root).reduce((sum, m) => {
    const g = m.geometry as THREE.BufferGeometry
    return sum + (g.index ? g.index.count : g.getAttribute('position').count) / 3
  }, 0)
}

/** Lowest point of the posed, skinned figure (in the root's parent space). */
function lowestY(root: THREE.Object3D): number {
  root.updateMatrixWorld(true)
  let min = Infinity
  const v = new THREE.Vector3()
  for (const mesh of meshes(root)) {
    const skinned = mesh as THREE.SkinnedMesh
    const count = skinned.geometry.getAttribute('position').count
    for (let i = 0; i < count; i++) {
      skinned.getVertexPosition(i, v)
      skinned.localToWorld(v)
      min = Math.min(min, v.y)
    }
  }
  return min
}

const expectQuaternion = (q: THREE.Quaternion, expected: THREE.Quaternion) => {
  // q and −q are the same rotation.
  expect(Math.abs(q.dot(expected))).toBeCloseTo(1, 12)
}

describe('buildFigure', () => {
  const variants: Array<[string, FigureLook]> = []
  for (const build of ['slim', 'average', 'broad'] as const) {
    variants.push([`${build}`, { ...base, build }])
    // The most expensive look: long hair, full beard, skirt, face lines, short sleeves.
    variants.push([`${build}, everything on`, { ...base, build, form: 'feminine', hair: { style: 'long', colour: '#222', thinning: 0.4 }, beard: 'full', bottomStyle: 'skirt', sleeves: 'short', age: 70 }])
    variants.push([`${build}, stubble and lines`, { ...base, build, hair: { style: 'ponytail', colour: '#222' }, beard: 'stubble', age: 55 }])
    variants.push([`${build}, bald child`, { ...base, build, height: 1.22, hair: { style: 'bald', colour: '#222', thinning: 0.5 } }])
  }
  for (const [name, look] of variants) {
    it(`stays within 12 draw calls and 8k triangles (${name})`, () => {
      const figure = buildFigure(look)
      expect(meshes(figure.root).length).toBeLessThanOrEqual(12)
      expect(triangles(figure.root)).toBeLessThanOrEqual(8000)
      figure.dispose()
    })
  }

  it('has every joint, in the documented hierarchy, at the rest offsets for its height', () => {
    const figure = buildFigure(base)
    const offsets = figureRestOffsets(1.8, { build: 'average', age: 35 })
    for (const name of jointNames) {
      const joint = figure.joints[name]
      expect(joint).toBeInstanceOf(THREE.Object3D)
      const parent = jointParent[name]
      expect(joint.parent).toBe(parent ? figure.joints[parent] : figure.root)
      expect(joint.position.toArray()).toEqual(offsets[name])
    }
    figure.dispose()
  })

  it('scales the rest offsets with height', () => {
    const a = figureRestOffsets(1.0, { age: 35 })
    const b = figureRestOffsets(1.8, { age: 35 })
    for (const name of jointNames) for (let i = 0; i < 3; i++) expect(b[name][i]).toBeCloseTo(a[name][i]! * 1.8, 10)
  })

  it('stands upright on the floor, its head near its height', () => {
    const figure = buildFigure(base)
    applyPose(figure.joints, 'stand', 1)
    figure.ground()
    expect(lowestY(figure.root)).toBeCloseTo(0, 1)
    const box = new THREE.Box3()
    const v = new THREE.Vector3()
    for (const mesh of meshes(figure.root)) {
      const skinned = mesh as THREE.SkinnedMesh
      for (let i = 0; i < skinned.geometry.getAttribute('position').count; i++) box.expandByPoint(skinned.getVertexPosition(i, v))
    }
    expect(box.max.y).toBeGreaterThan(1.75)
    expect(box.max.y).toBeLessThan(1.86)
    figure.dispose()
  })

  it('grounds kneeling and sitting poses so that the knees or seat rest on the floor', () => {
    const figure = buildFigure(base)
    for (const pose of ['kneel', 'comfort', 'sit-floor', 'cower', 'hide-head', 'sit', 'enter', 'strike'] as const) {
      applyPose(figure.joints, pose, 1)
      figure.ground()
      const low = lowestY(figure.root)
      expect(low, pose).toBeGreaterThan(-0.04)
      expect(low, pose).toBeLessThan(0.04)
    }
    // A kneeling figure is much lower than a standing one.
    applyPose(figure.joints, 'kneel', 1)
    figure.ground()
    expect(figure.joints.head.getWorldPosition(new THREE.Vector3()).y).toBeLessThan(1.35)
    figure.dispose()
  })

  it('reads its age from its height when none is given', () => {
    expect(ageFromHeight(1.8)).toBe(35)
    expect(ageFromHeight(1.52)).toBeCloseTo(12, 5)
    expect(ageFromHeight(1.24)).toBeCloseTo(7, 5)
    expect(buildFigure({ ...base, height: 1.5 }).age).toBeGreaterThan(10)
    expect(buildFigure({ ...base, age: 44 }).age).toBe(44)
  })

  it('frees every geometry and material on dispose', () => {
    const figure = buildFigure({ ...base, beard: 'stubble', age: 60 })
    const geometries = meshes(figure.root).map((m) => m.geometry)
    const materials = meshes(figure.root).map((m) => m.material as THREE.Material)
    let freed = 0
    for (const item of [...geometries, ...materials]) item.addEventListener('dispose', () => (freed += 1))
    figure.dispose()
    expect(geometries).toHaveLength(1) // one skinned mesh: the whole figure is one draw call
    expect(freed).toBe(geometries.length + materials.length)
  })
})

describe('poses', () => {
  it('has an entry for every pose name, naming only real joints', () => {
    expect(Object.keys(poses).sort()).toEqual([...poseNames].sort())
    expect(poseNames).toHaveLength(18)
    for (const name of poseNames) {
      expect(isPoseName(name)).toBe(true)
      for (const [joint, angles] of Object.entries(poses[name])) {
        expect(jointNames as readonly string[]).toContain(joint)
        expect(angles).toHaveLength(3)
        for (const a of angles) expect(Number.isFinite(a)).toBe(true)
      }
    }
    expect(isPoseName('dance')).toBe(false)
  })

  it('sets the listed joints exactly with blend 1, and the others back to rest', () => {
    const figure = buildFigure(base)
    for (const name of poseNames) {
      applyPose(figure.joints, 'strike', 1) // start from something else
      applyPose(figure.joints, name, 1)
      for (const joint of jointNames) {
        const angles = poses[name][joint] ?? [0, 0, 0]
        const expected = new THREE.Quaternion().setFromEuler(new THREE.Euler(angles[0], angles[1], angles[2], 'XYZ'))
        const q = figure.joints[joint].quaternion
        expect(q.x).toBeCloseTo(expected.x, 12)
        expect(q.y).toBeCloseTo(expected.y, 12)
        expect(q.z).toBeCloseTo(expected.z, 12)
        expect(q.w).toBeCloseTo(expected.w, 12)
      }
    }
    figure.dispose()
  })

  it('eases: blend 0 changes nothing, partial blends move part of the way, repeated blends converge', () => {
    const figure = buildFigure(base)
    applyPose(figure.joints, 'stand', 1)
    const before = figure.joints.shoulderR.quaternion.clone()
    applyPose(figure.joints, 'point', 0)
    expectQuaternion(figure.joints.shoulderR.quaternion, before)
    const [x, y, z] = poses.point.shoulderR!
    const target = new THREE.Quaternion().setFromEuler(new THREE.Euler(x, y, z, 'XYZ'))
    const total = before.angleTo(target)
    applyPose(figure.joints, 'point', 0.5)
    expect(figure.joints.shoulderR.quaternion.angleTo(target)).toBeCloseTo(total / 2, 6)
    for (let i = 0; i < 60; i++) applyPose(figure.joints, 'point', 0.2)
    expect(figure.joints.shoulderR.quaternion.angleTo(target)).toBeLessThan(1e-4)
    figure.dispose()
  })

  it('adds poses on top of an older figure’s stoop', () => {
    const figure = buildFigure({ ...base, age: 82 })
    const rest = figure.joints.chest.userData.restQuaternion as THREE.Quaternion
    expect(rest).toBeInstanceOf(THREE.Quaternion)
    expect(rest.angleTo(new THREE.Quaternion())).toBeGreaterThan(0.05)
    applyPose(figure.joints, 'shout', 1)
    const [x, y, z] = poses.shout.chest!
    const expected = rest.clone().multiply(new THREE.Quaternion().setFromEuler(new THREE.Euler(x, y, z, 'XYZ')))
    expectQuaternion(figure.joints.chest.quaternion, expected)
    figure.dispose()
  })

  it('keeps the strike an arm swing in the air: the hand has swept past the front to the left, at shoulder height', () => {
    const figure = buildFigure(base)
    applyPose(figure.joints, 'strike', 1)
    figure.ground()
    figure.root.updateMatrixWorld(true)
    const hand = figure.joints.handR.getWorldPosition(new THREE.Vector3())
    const shoulder = figure.joints.shoulderR.getWorldPosition(new THREE.Vector3())
    expect(Math.abs(hand.y - shoulder.y)).toBeLessThan(0.25)
    // The follow-through crosses the body: the right hand ends up on the figure's left (+X), not out in front.
    expect(hand.x).toBeGreaterThan(0.25)
    expect(hand.z).toBeLessThan(0.3)
    figure.dispose()
  })

  it('brings the mother’s hand to her cheek in hold-face, and the hands over the head in hide-head', () => {
    const figure = buildFigure({ ...base, height: 1.68, form: 'feminine', hair: { style: 'long', colour: '#222' } })
    const handCentre = (side: 'L' | 'R') => figure.joints[`hand${side}`].localToWorld(new THREE.Vector3(0, -0.045 * 1.68, 0))
    applyPose(figure.joints, 'hold-face', 1)
    figure.ground()
    figure.root.updateMatrixWorld(true)
    const head = figure.joints.head.localToWorld(new THREE.Vector3(0, 0.09, 0))
    expect(handCentre('L').distanceTo(head)).toBeLessThan(0.16)
    applyPose(figure.joints, 'hide-head', 1)
    figure.ground()
    figure.root.updateMatrixWorld(true)
    const head2 = figure.joints.head.localToWorld(new THREE.Vector3(0, 0.09, 0))
    expect(handCentre('L').distanceTo(head2)).toBeLessThan(0.2)
    expect(handCentre('R').distanceTo(head2)).toBeLessThan(0.2)
    figure.dispose()
  })
})
