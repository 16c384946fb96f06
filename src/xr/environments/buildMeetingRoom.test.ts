import type * as THREE from 'three'
import { describe, expect, it } from 'vitest'
import { buildMeetingRoom } from './buildMeetingRoom.ts'
import { renderBudget } from './geometryKit.ts'
import { chairs, mirror } from './meetingRoomLayout.ts'

describe('buildMeetingRoom', () => {
  for (const future of ['changed', 'unchanged'] as const) {
    it(`builds the "${future}" room within a small part of the VR budget`, () => {
      const room = buildMeetingRoom({ future })
      room.mirror.visible = true
      const budget = renderBudget(room.root)
      expect(budget.drawCalls).toBeLessThanOrEqual(16)
      expect(budget.triangles).toBeLessThan(8000)
      room.dispose()
    })
  }

  it('puts the chairs face to face and the mirror between them, hidden until shown', () => {
    const room = buildMeetingRoom()
    expect(room.chairs.present.position.z).toBeCloseTo(chairs.present.z)
    expect(room.chairs.future.position.z).toBeCloseTo(chairs.future.z)
    expect(Math.abs(room.chairs.present.rotation.y - room.chairs.future.rotation.y)).toBeCloseTo(Math.PI)
    expect(room.mirror.visible).toBe(false)
    expect(mirror.z).toBeLessThan(chairs.present.z)
    expect(mirror.z).toBeGreaterThan(chairs.future.z)
    room.dispose()
  })

  it('shows a different setting for each future', () => {
    const names = (future: 'changed' | 'unchanged') => {
      const room = buildMeetingRoom({ future })
      const out = room.root.children.map((c) => c.name).sort()
      room.dispose()
      return out
    }
    // Empty bottles (glass) only where nothing changed; the plant and books are painted into the room's one mesh.
    expect(names('unchanged')).toContain('room-glass')
    expect(names('changed')).not.toContain('room-glass')
    const triangles = (future: 'changed' | 'unchanged') => {
      const room = buildMeetingRoom({ future })
      const painted = room.root.getObjectByName('room-painted') as THREE.Mesh
      const count = painted.geometry.index ? painted.geometry.index.count / 3 : painted.geometry.getAttribute('position').count / 3
      room.dispose()
      return count
    }
    expect(triangles('changed')).toBeGreaterThan(triangles('unchanged'))
  })
})
