import { describe, expect, it } from 'vitest'
import type { LogRecord } from '../engine/runtime.ts'
import type { SessionMeta } from '../storage/sessionStore.ts'
import { bundleFileName, bundleFormat, bundleSchemaVersion, buildSessionBundle } from './sessionBundle.ts'

const meta: SessionMeta = {
  id: '0123456789abcdef0123456789abcdef',
  clientCode: 'AB12',
  sceneId: 'check-in',
  sceneVersion: 3,
  scriptHash: 'c0ffee'.padEnd(64, '0'),
  params: { followUp: true },
  status: 'active',
  createdAt: '2026-03-04T09:05:59.123Z',
  updatedAt: '2026-03-04T09:12:00.000Z',
  eventCount: 3,
}

function rec(seq: number, type = 'beat.entered', data: Record<string, unknown> = {}): LogRecord {
  return { sessionId: meta.id, seq, type, data, t: seq * 100, wall: `2026-03-04T09:${String(5 + seq).padStart(2, '0')}:00.000Z` }
}

const now = new Date('2026-03-05T08:00:00.000Z')

describe('buildSessionBundle', () => {
  it('carries format, versions, scene identity, session facts and the events in seq order', () => {
    const bundle = buildSessionBundle({ meta, events: [rec(2), rec(3), rec(1)], appVersion: '0.1.0', now })
    expect(bundle).toEqual({
      format: 'perspectief.session',
      schemaVersion: 1,
      appVersion: '0.1.0',
      exportedAt: '2026-03-05T08:00:00.000Z',
      scene: { id: 'check-in', version: 3, hash: meta.scriptHash },
      session: {
        id: meta.id,
        clientCode: 'AB12',
        params: { followUp: true },
        status: 'active',
        createdAt: meta.createdAt,
        updatedAt: meta.updatedAt,
      },
      events: [rec(1), rec(2), rec(3)],
      includesUnsaved: false,
    })
    expect(bundle.format).toBe(bundleFormat)
    expect(bundle.schemaVersion).toBe(bundleSchemaVersion)
  })

  it('sorts seqs numerically (10 after 9)', () => {
    const events = [10, 9, 1, 11, 2].map((s) => rec(s))
    expect(buildSessionBundle({ meta, events, appVersion: 'x', now }).events.map((e) => e.seq)).toEqual([1, 2, 9, 10, 11])
  })

  it('includes the closed reason only when there is one', () => {
    const closed = buildSessionBundle({ meta: { ...meta, status: 'closed', closedReason: 'scene changed' }, events: [], appVersion: 'x', now })
    expect(closed.session).toMatchObject({ status: 'closed', closedReason: 'scene changed' })
    expect(Object.keys(buildSessionBundle({ meta, events: [], appVersion: 'x', now }).session)).not.toContain('closedReason')
  })

  it('leaves out what a debrief does not need: event count and the scene fields outside `scene`', () => {
    const bundle = buildSessionBundle({ meta, events: [], appVersion: 'x', now })
    expect(Object.keys(bundle.session).sort()).toEqual(['clientCode', 'createdAt', 'id', 'params', 'status', 'updatedAt'])
  })

  it('merges unsaved records after the stored ones without duplicating a seq, and says so', () => {
    const stored = [rec(1), rec(2), rec(3)]
    const unsaved = [rec(3), rec(4, 'answer.given', { item: 'mood', value: 4 }), rec(5)]
    const bundle = buildSessionBundle({ meta, events: stored, unsaved, appVersion: 'x', now })
    expect(bundle.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])
    expect(new Set(bundle.events.map((e) => e.seq)).size).toBe(bundle.events.length)
    expect(bundle.events[3]).toEqual(rec(4, 'answer.given', { item: 'mood', value: 4 }))
    expect(bundle.includesUnsaved).toBe(true)
  })

  it('does not flag unsaved records when the list of them is empty', () => {
    expect(buildSessionBundle({ meta, events: [rec(1)], unsaved: [], appVersion: 'x', now }).includesUnsaved).toBe(false)
  })

  it('works with only unsaved records (nothing could be stored)', () => {
    const bundle = buildSessionBundle({ meta, events: [], unsaved: [rec(2), rec(1)], appVersion: 'x', now })
    expect(bundle.events.map((e) => e.seq)).toEqual([1, 2])
    expect(bundle.includesUnsaved).toBe(true)
  })

  it('survives a JSON round trip unchanged', () => {
    const bundle = buildSessionBundle({ meta, events: [rec(1), rec(2)], unsaved: [rec(3)], appVersion: 'x', now })
    expect(JSON.parse(JSON.stringify(bundle))).toEqual(bundle)
  })
})

describe('bundleFileName', () => {
  const safe = /^[A-Za-z0-9_.-]+$/

  it('names the client code, the scene and the start time, with only safe characters', () => {
    const name = bundleFileName(buildSessionBundle({ meta, events: [], appVersion: '0.1.0', now }))
    expect(name).toBe('perspectief_AB12_check-in_2026-03-04-09-05.json')
    expect(name).toMatch(safe)
    expect(name).toContain('AB12')
    expect(name).toContain('check-in')
  })

  it('stays safe for every valid client code and scene id', () => {
    for (const [clientCode, sceneId] of [
      ['R2D2', 'a'],
      ['A1B2C3D4E5F6', 'role-play-2'],
      ['0000', 'x-y-z'],
    ] as const) {
      const name = bundleFileName(buildSessionBundle({ meta: { ...meta, clientCode, sceneId }, events: [], appVersion: 'x', now }))
      expect(name).toMatch(safe)
      expect(name).toContain(`_${clientCode}_`)
      expect(name).toContain(`_${sceneId}_`)
      expect(name.endsWith('.json')).toBe(true)
    }
  })

  it('contains no colon, space or slash from the timestamp', () => {
    const name = bundleFileName(buildSessionBundle({ meta: { ...meta, createdAt: '2026-12-31T23:59:59.999Z' }, events: [], appVersion: 'x', now }))
    expect(name).toBe('perspectief_AB12_check-in_2026-12-31-23-59.json')
    expect(name).not.toMatch(/[:/\\ ]/)
  })
})
