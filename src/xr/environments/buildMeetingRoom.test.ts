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
    expect(names('changed')).toContain('room-green')
    expect(names('unchanged')).toContain('room-glass')
    expect(names('unchanged')).not.toContain('room-green')
  })
})
