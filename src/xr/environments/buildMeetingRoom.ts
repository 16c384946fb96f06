import * as THREE from 'three'
import { box, boxFromTo, cylinderBetween, disposeObject, ellipsoid, latheBody, MergeBuckets, mergePainted, type V3 } from './geometryKit.ts'
import { chairs, meetingRoom, mirror, seatHeight, type Seat } from './meetingRoomLayout.ts'

/**
 * The calm room of the future-self meeting (layout in meetingRoomLayout.ts): two chairs facing each other, a rug, a
 * window, a side table, a free-standing mirror. Procedural and untextured, merged per material as in the bedroom,
 * about 10 draw calls and under 5k triangles.
 *
 * `future` sets the mood of the room the future self lives in (the issue: "if I change" changes the setting):
 * - 'changed': warm light, a plant, books, a picture on the wall, tidy;
 * - 'unchanged': a cooler, dimmer room, bare walls, empty bottles and a pile of unopened post on the side table.
 */
export interface MeetingRoomOptions {
  /** Which future the room shows. Default 'changed'. */
  future?: 'unchanged' | 'changed'
}

export interface BuiltMeetingRoom {
  root: THREE.Group
  /** Each chair on its own, so a chair can be hidden or mirrored. */
  chairs: Record<Seat, THREE.Group>
  /** The mirror (frame and glass); hidden until the scene shows it. */
  mirror: THREE.Group
  /** The back wall behind the client's chair, for the mirror's reflected copy. */
  backWall: THREE.Mesh
  dispose(): void
}

type Key = 'wall' | 'floor' | 'ceiling' | 'wood' | 'fabric' | 'rug' | 'sky' | 'accent' | 'glass' | 'green'

function palette(future: 'unchanged' | 'changed'): Record<Key, THREE.MeshStandardMaterial> {
  const warm = future === 'changed'
  const m = (color: string, extra: THREE.MeshStandardMaterialParameters = {}) => new THREE.MeshStandardMaterial({ color, roughness: 0.9, metalness: 0, ...extra })
  const materials: Record<Key, THREE.MeshStandardMaterial> = {
    wall: m(warm ? '#e9e1d3' : '#a9adb0'),
    floor: m(warm ? '#b98a5e' : '#7a6a5c', { roughness: 0.7 }),
    ceiling: m('#f4f1ea'),
    wood: m(warm ? '#8a5a36' : '#5c4a3c', { roughness: 0.75 }),
    fabric: m(warm ? '#5d7f8e' : '#6a6760'),
    rug: m(warm ? '#c98f5a' : '#5f5a55'),
    sky: m('#000000', { emissive: new THREE.Color(warm ? '#bcd9ef' : '#8d98a3'), roughness: 1 }),
    accent: m(warm ? '#d3a14a' : '#c9c3b2', { roughness: 0.6 }),
    glass: m('#3f6b4a', { roughness: 0.25, transparent: true, opacity: 0.55 }),
    green: m('#4f8a4a'),
  }
  for (const [key, material] of Object.entries(materials)) material.name = `meeting-${key}`
  return materials
}

/** A simple wooden chair with a cushion, origin on the floor under the seat centre, a sitter facing +Z. One draw call. */
function buildChair(materials: Record<Key, THREE.MeshStandardMaterial>, painted: THREE.Material): THREE.Group {
  const w = 0.5
  const d = 0.48
  const parts = new MergeBuckets<'wood' | 'fabric'>()
  for (const x of [-1, 1]) for (const z of [-1, 1]) parts.add('wood', boxFromTo([x * (w / 2 - 0.02) - 0.02, 0, z * (d / 2 - 0.02) - 0.02], [x * (w / 2 - 0.02) + 0.02, seatHeight - 0.05, z * (d / 2 - 0.02) + 0.02]))
  parts.add('wood', boxFromTo([-w / 2, seatHeight - 0.06, -d / 2], [w / 2, seatHeight - 0.03, d / 2]))
  // Backrest behind the sitter (−Z side), slightly reclined.
  parts.add('wood', box([w, 0.5, 0.03], [0, seatHeight + 0.3, -d / 2 - 0.02], { rotation: [-0.12, 0, 0] }))
  parts.add('fabric', box([w - 0.04, 0.05, d - 0.04], [0, seatHeight - 0.005, 0]))
  const group = new THREE.Group()
  group.name = 'chair'
  group.add(new THREE.Mesh(mergePainted(parts, { wood: materials.wood.color, fabric: materials.fabric.color })!, painted))
  return group
}

export function buildMeetingRoom(options: MeetingRoomOptions = {}): BuiltMeetingRoom {
  const future = options.future ?? 'changed'
  const materials = palette(future)
  const parts = new MergeBuckets<Key>()
  const add = (key: Key, ...g: THREE.BufferGeometry[]) => parts.add(key, ...g)
  const { minX, maxX, minZ, maxZ, ceiling } = meetingRoom
  const t = 0.05

  add('floor', boxFromTo([minX, -0.05, minZ], [maxX, 0, maxZ]))
  add('ceiling', boxFromTo([minX, ceiling, minZ], [maxX, ceiling + 0.05, maxZ]))
  // Left wall, right wall with a window, front wall (behind the future self).
  add('wall', boxFromTo([minX - t, 0, minZ], [minX, ceiling, maxZ]))
  const win = { z0: -1.4, z1: 0.2, y0: 0.9, y1: 2.1 }
  add('wall', boxFromTo([maxX, 0, minZ], [maxX + t, ceiling, win.z0]), boxFromTo([maxX, 0, win.z1], [maxX + t, ceiling, maxZ]))
  add('wall', boxFromTo([maxX, 0, win.z0], [maxX + t, win.y0, win.z1]), boxFromTo([maxX, win.y1, win.z0], [maxX + t, ceiling, win.z1]))
  add('sky', boxFromTo([maxX + t, win.y0, win.z0], [maxX + t + 0.02, win.y1, win.z1]))
  add('wood', boxFromTo([maxX - 0.12, win.y0 - 0.04, win.z0 - 0.05], [maxX, win.y0, win.z1 + 0.05]))
  add('wood', boxFromTo([maxX - 0.02, win.y0, (win.z0 + win.z1) / 2 - 0.02], [maxX, win.y1, (win.z0 + win.z1) / 2 + 0.02]))
  add('wall', boxFromTo([minX, 0, minZ - t], [maxX, ceiling, minZ]))
  // Skirting.
  add('wood', boxFromTo([minX, 0, minZ], [maxX, 0.08, minZ + 0.015]), boxFromTo([minX, 0, minZ], [minX + 0.015, 0.08, maxZ]))
  // Round rug between the chairs.
  add('rug', place(new THREE.CylinderGeometry(1.3, 1.3, 0.012, 28), [0, 0.006, 0]))

  // Side table by the future self's chair, with what is on it.
  const table: V3 = [-0.9, 0, -0.9]
  add('wood', cylinderBetween([table[0], 0, table[2]], [table[0], 0.52, table[2]], 0.03, 0.03, 8))
  add('wood', place(new THREE.CylinderGeometry(0.28, 0.28, 0.03, 18), [table[0], 0.535, table[2]]))
  add('wood', place(new THREE.CylinderGeometry(0.18, 0.2, 0.02, 14), [table[0], 0.01, table[2]]))
  if (future === 'changed') {
    // A plant in a pot, three books and a framed picture on the front wall.
    add('accent', latheBody([[0, 0, 1, 1], [0.1, 0, 1, 1], [0.12, 0.27, 1, 1], [0, 0.27, 1, 1]], [1.9, -2.35]))
    for (let i = 0; i < 7; i++) {
      const a = (i / 7) * Math.PI * 2
      add('green', ellipsoid([0.1, 0.24, 0.05], [1.9 + Math.cos(a) * 0.1, 0.5, -2.35 + Math.sin(a) * 0.1], [6, 4], { rotation: [Math.sin(a) * 0.5, a, Math.cos(a) * 0.5] }))
    }
    add('fabric', box([0.2, 0.03, 0.14], [table[0] - 0.05, 0.565, table[2]]), box([0.18, 0.03, 0.13], [table[0] - 0.04, 0.595, table[2]]))
    add('accent', box([0.17, 0.03, 0.12], [table[0] - 0.05, 0.625, table[2]]))
    add('wood', boxFromTo([-0.7, 1.3, minZ], [0.7, 2.0, minZ + 0.03]))
    add('sky', boxFromTo([-0.62, 1.38, minZ + 0.03], [0.62, 1.92, minZ + 0.035]))
  } else {
    // Empty bottles and a pile of unopened post.
    for (const [dx, dz] of [[0.08, 0.05], [-0.06, 0.1], [0.02, -0.1]] as const) {
      add('glass', latheBody([[0, 0, 1, 1], [0.035, 0, 1, 1], [0.035, 0.17, 1, 1], [0.012, 0.24, 1, 1], [0.012, 0.28, 1, 1], [0, 0.28, 1, 1]], [table[0] + dx, table[2] + dz], 10).translate(0, 0.55, 0))
    }
    for (let i = 0; i < 4; i++) add('ceiling', box([0.22, 0.006, 0.11], [table[0] - 0.1, 0.555 + i * 0.007, table[2] - 0.12], { rotation: [0, i * 0.3, 0] }))
  }

  const root = new THREE.Group()
  root.name = 'meeting-room'
  // Everything matt is one mesh in its palette colours; the glowing sky and the see-through glass keep their own.
  const painted = new THREE.MeshStandardMaterial({ vertexColors: true, roughness: 0.85, metalness: 0, name: 'meeting-painted' })
  const special = new Set<Key>(['sky', 'glass'])
  for (const key of special) {
    const geometry = parts.merge(key)
    if (geometry) root.add(Object.assign(new THREE.Mesh(geometry, materials[key]), { name: `room-${key}` }))
  }
  const matt = Object.fromEntries(Object.entries(materials).filter(([key]) => !special.has(key as Key)).map(([key, m]) => [key, m.color])) as Partial<Record<Key, THREE.Color>>
  const plain = mergePainted(parts, matt)
  if (plain) root.add(Object.assign(new THREE.Mesh(plain, painted), { name: 'room-painted' }))
  let backWall: THREE.Mesh | null = null
  // The wall behind the client's chair is its own mesh: the mirror shows a reflected copy of it.
  backWall = new THREE.Mesh(boxFromTo([minX, 0, maxZ], [maxX, ceiling, maxZ + t]), materials.wall)
  backWall.name = 'room-back-wall'
  root.add(backWall)

  const chairGroups = {} as Record<Seat, THREE.Group>
  for (const seat of ['present', 'future'] as const) {
    const chair = buildChair(materials, painted)
    chair.position.set(chairs[seat].x, 0, chairs[seat].z)
    chair.rotation.y = chairs[seat].facingY
    chair.name = `chair:${seat}`
    root.add(chair)
    chairGroups[seat] = chair
  }

  // The mirror: a wooden frame on two feet and a faint silvery glass (the reflection itself is drawn behind it).
  const mirrorGroup = new THREE.Group()
  mirrorGroup.name = 'mirror'
  const frame = new MergeBuckets<'wood'>()
  const { width: mw, height: mh, bottom: mb, z: mz } = mirror
  const f = 0.05
  frame.add('wood', boxFromTo([-mw / 2 - f, mb - f, mz - 0.04], [mw / 2 + f, mb, mz]), boxFromTo([-mw / 2 - f, mb + mh, mz - 0.04], [mw / 2 + f, mb + mh + f, mz]))
  frame.add('wood', boxFromTo([-mw / 2 - f, mb, mz - 0.04], [-mw / 2, mb + mh, mz]), boxFromTo([mw / 2, mb, mz - 0.04], [mw / 2 + f, mb + mh, mz]))
  for (const x of [-mw / 2, mw / 2]) frame.add('wood', boxFromTo([x - 0.03, 0, mz - 0.25], [x + 0.03, 0.04, mz + 0.2]), boxFromTo([x - 0.02, 0, mz - 0.03], [x + 0.02, mb, mz]))
  mirrorGroup.add(new THREE.Mesh(frame.merge('wood')!, materials.wood))
  // The palette's other materials live on only as colours in the painted mesh.
  for (const [key, m] of Object.entries(materials)) if (!special.has(key as Key) && key !== 'wall' && key !== 'wood') m.dispose()
  const glass = new THREE.Mesh(
    new THREE.PlaneGeometry(mw, mh),
    new THREE.MeshBasicMaterial({ color: '#dfe8ee', transparent: true, opacity: 0.08, depthWrite: false }),
  )
  glass.position.set(mirror.x, mb + mh / 2, mz)
  glass.name = 'mirror-glass'
  mirrorGroup.add(glass)
  mirrorGroup.visible = false
  root.add(mirrorGroup)

  // Light: a soft sky fill and one ceiling lamp; warmer and brighter where the client changed. No shadows.
  const warm = future === 'changed'
  root.add(new THREE.HemisphereLight(warm ? '#fff4e0' : '#dfe6ee', warm ? '#6b5844' : '#4a4a4a', warm ? 1.5 : 1.0))
  const lamp = new THREE.PointLight(warm ? '#ffd9a0' : '#e8eef5', warm ? 9 : 5, 8, 1.6)
  lamp.position.set(0.3, 2.3, 0)
  root.add(lamp)

  return {
    root,
    chairs: chairGroups,
    mirror: mirrorGroup,
    backWall,
    dispose: () => disposeObject(root),
  }
}

function place(geometry: THREE.BufferGeometry, at: V3): THREE.BufferGeometry {
  geometry.translate(at[0], at[1], at[2])
  geometry.deleteAttribute('uv')
  return geometry
}
