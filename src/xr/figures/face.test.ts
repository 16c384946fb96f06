import * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { buildFigure, type BuiltFigure, type FigureLook } from './buildFigure.ts'
import { easeFace, expressionNames, expressions } from './expressions.ts'
import { applyFacePose, faceBoneNames, neutralFace, type FaceBoneName, type FacePose } from './faceRig.ts'
import { jointNames } from './figureJoints.ts'

const base: FigureLook = { height: 1.8, build: 'average', skin: '#c99a7a', hair: { style: 'short', colour: '#3b2a20' }, beard: 'full', top: '#4b5563', bottom: '#2f3640', shoes: '#1f1f1f' }

function mesh(figure: BuiltFigure): THREE.SkinnedMesh {
  let found: THREE.SkinnedMesh | null = null
  figure.root.traverse((o) => {
    if (o instanceof THREE.SkinnedMesh) found = o
  })
  return found!
}

/** The vertices whose heaviest influence is `bone`. */
function verticesOf(figure: BuiltFigure, bone: FaceBoneName | 'head'): number[] {
  const m = mesh(figure)
  const index = m.skeleton.bones.findIndex((b) => b.name === bone)
  const si = m.geometry.getAttribute('skinIndex')
  const sw = m.geometry.getAttribute('skinWeight')
  const list: number[] = []
  for (let i = 0; i < si.count; i++) for (let k = 0; k < 4; k++) if (si.getComponent(i, k) === index && sw.getComponent(i, k) >= 0.99) list.push(i)
  return list
}

/** Skinned positions of vertices, in the figure's space, with the face in `face`. */
function posed(figure: BuiltFigure, face: Readonly<FacePose>, vertices: number[]): THREE.Vector3[] {
  applyFacePose(figure.face, face)
  figure.root.updateMatrixWorld(true)
  const m = mesh(figure)
  m.skeleton.update()
  return vertices.map((i) => m.getVertexPosition(i, new THREE.Vector3()))
}

/** The brow's inner end: the mean height of its inner half (the vertices nearer the middle of the face than its bone). */
function innerEndY(figure: BuiltFigure, face: Readonly<FacePose>, side: 'L' | 'R'): number {
  const all = verticesOf(figure, `brow${side}`)
  const middle = Math.abs(figure.face.rest[`brow${side}`].x)
  const rest = posed(figure, neutralFace, all)
  const inner = all.filter((_, k) => Math.abs(rest[k]!.x) < middle)
  return meanY(posed(figure, face, inner))
}
const meanY = (points: THREE.Vector3[]) => points.reduce((s, p) => s + p.y, 0) / points.length

describe('the face', () => {
  it('hangs its bones under the head, in the one skinned mesh (still one draw call)', () => {
    const figure = buildFigure(base)
    const m = mesh(figure)
    expect(m.skeleton.bones.map((b) => b.name)).toEqual([...jointNames, ...faceBoneNames])
    for (const name of faceBoneNames) expect(figure.face.bones[name].parent).toBe(figure.joints.head)
    let meshes = 0
    figure.root.traverse((o) => (meshes += o instanceof THREE.Mesh ? 1 : 0))
    expect(meshes).toBe(1)
    // Every vertex's weights sum to 1 and name a real bone.
    const si = m.geometry.getAttribute('skinIndex')
    const sw = m.geometry.getAttribute('skinWeight')
    for (let i = 0; i < si.count; i++) {
      expect(sw.getX(i) + sw.getY(i) + sw.getZ(i) + sw.getW(i)).toBeCloseTo(1, 6)
      expect(Math.max(si.getX(i), si.getY(i), si.getZ(i), si.getW(i))).toBeLessThan(m.skeleton.bones.length)
    }
    figure.dispose()
  })

  it('shuts the lids over the eyes when closed: the lid spans the eye from above to below and lies in front of it', () => {
    const figure = buildFigure(base)
    for (const side of ['L', 'R'] as const) {
      const lidCentre = figure.face.bones[`lid${side}`].getWorldPosition(new THREE.Vector3())
      // The lid's front: its back half is inside the head whether open or shut.
      const inFront = (points: THREE.Vector3[]) => points.filter((p) => p.z > lidCentre.z + 0.003)
      const open = inFront(posed(figure, neutralFace, verticesOf(figure, `lid${side}`)))
      const shut = inFront(posed(figure, { ...neutralFace, [`lid${side}`]: 1 }, verticesOf(figure, `lid${side}`)))
      const front = (points: THREE.Vector3[]) => Math.max(...points.map((p) => p.z))
      const lowest = (points: THREE.Vector3[]) => Math.min(...points.map((p) => p.y))
      // Open, the lid's edge is above the eye's middle; shut, it reaches below it, and further forward.
      expect(lowest(open)).toBeGreaterThan(lidCentre.y)
      expect(lowest(shut)).toBeLessThan(lidCentre.y - 0.005)
      expect(front(shut)).toBeGreaterThan(front(open))
    }
    figure.dispose()
  })

  it('moves the brows and mouth as each expression documents', () => {
    const figure = buildFigure(base)
    const calmL = innerEndY(figure, neutralFace, 'L')
    const calmR = innerEndY(figure, neutralFace, 'R')
    const corners = (face: Readonly<FacePose>) => meanY(posed(figure, face, [...verticesOf(figure, 'mouthL'), ...verticesOf(figure, 'mouthR')]))
    const calmCorners = corners(neutralFace)
    // angry: the inner ends of the brows lowered (by at least 5 mm on a 1.8 m figure).
    expect(innerEndY(figure, expressions.angry, 'L')).toBeLessThan(calmL - 0.005)
    expect(innerEndY(figure, expressions.angry, 'R')).toBeLessThan(calmR - 0.005)
    // afraid: the brows raised.
    expect(innerEndY(figure, expressions.afraid, 'L')).toBeGreaterThan(calmL + 0.01)
    expect(meanY(posed(figure, expressions.afraid, verticesOf(figure, 'browR')))).toBeGreaterThan(meanY(posed(figure, neutralFace, verticesOf(figure, 'browR'))) + 0.01)
    // sad: inner ends raised, mouth corners down.
    expect(innerEndY(figure, expressions.sad, 'L')).toBeGreaterThan(calmL + 0.005)
    expect(innerEndY(figure, expressions.sad, 'R')).toBeGreaterThan(calmR + 0.005)
    expect(corners(expressions.sad)).toBeLessThan(calmCorners - 0.008)
    figure.dispose()
  })

  it('opens the jaw: the chin drops and the mouth opens in the middle', () => {
    const figure = buildFigure(base)
    const jawVertices = verticesOf(figure, 'jaw')
    expect(jawVertices.length).toBeGreaterThan(0)
    const closed = meanY(posed(figure, neutralFace, jawVertices))
    const open = meanY(posed(figure, { ...neutralFace, jaw: 1 }, jawVertices))
    expect(open).toBeLessThan(closed - 0.01)
    figure.dispose()
  })

  it('eases a change of expression over about 0.3 s, the same at any frame rate', () => {
    for (const fps of [72, 90, 30]) {
      const face = { ...neutralFace }
      for (let i = 0; i < Math.round(0.3 * fps); i++) easeFace(face, expressions.sad, 1 / fps)
      expect(face.cornerUp).toBeLessThan(-0.94)
      expect(face.cornerUp).toBeGreaterThan(-0.96)
    }
    const face = { ...neutralFace }
    easeFace(face, expressions.angry, 1 / 90)
    expect(face.browInner).toBeGreaterThan(-0.2) // one frame is only part of the way: no snap
    expect([...expressionNames].sort()).toEqual(Object.keys(expressions).sort())
  })
})
