import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { dwellGeometry } from '../xr/environments/dwellGeometry.ts'
import { parseScene } from './parse.ts'
import { formatPath } from './sceneError.ts'

const file = 'scenes/child-eye/scene.yaml'
const sample = readFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), 'utf8')

function edited(from: string, to: string): string {
  expect(sample.split(from)).toHaveLength(2)
  return sample.replace(from, to)
}

function lineOf(text: string, needle: string): number {
  expect(text.split(needle)).toHaveLength(2)
  return text.slice(0, text.indexOf(needle)).split('\n').length
}

function warningsOf(text: string) {
  const result = parseScene(text, file, { dwellGeometry })
  expect(result.errors).toEqual([])
  expect(result.ok).toBe(true)
  return result.ok ? (result.warnings ?? []) : []
}

// From the child's bed the parents and the door are 6.0° apart at a 4-year-old's eye height (0.85 m), 6.9° at 7
// and 7.8° at 12 (the eye rises towards the parents' heads). Cones of 3.2° + 3.2° overlap at age 4 only.
const smallCones = '  dwellConeDeg: 18\n  dwellCones:\n    parents: 3.2\n    door: 3.2\n'

describe('dwell targets whose cones overlap', () => {
  it('warn with the line of the scene file, naming the eye height where they overlap', () => {
    const text = edited('  dwellConeDeg: 18\n', smallCones)
    const warnings = warningsOf(text)
    expect(warnings).toHaveLength(1)
    const w = warnings[0]!
    expect(formatPath(w.path)).toBe('vr.dwellCones.door')
    expect(w.line).toBe(lineOf(text, '    door: 3.2'))
    expect(w.message).toContain('"parents" and "door"')
    expect(w.message).toContain('childAge 4 (eye height 0.85 m)')
    expect(w.message).not.toContain('childAge 7')
  })

  it('check every eye height the scene allows: without age 4 the same cones do not overlap', () => {
    const text = edited('  dwellConeDeg: 18\n', smallCones).replace('    values: [4, 7, 12]\n    default: 7', '    values: [7, 12]\n    default: 7')
    expect(warningsOf(text)).toEqual([])
  })

  it('warn at the target list when the targets share the default cone, at every age', () => {
    const warnings = warningsOf(sample)
    expect(warnings).toHaveLength(1)
    expect(formatPath(warnings[0]!.path)).toBe('vr.targets[1]')
    expect(warnings[0]!.line).toBe(lineOf(sample, '  targets: [parents, door, room, window]'))
    for (const age of [4, 7, 12]) expect(warnings[0]!.message).toContain(`childAge ${age}`)
  })

  it('reject a cone for a target the scene does not measure', () => {
    const result = parseScene(edited('  dwellConeDeg: 18\n', '  dwellConeDeg: 18\n  dwellCones: { chair: 5 }\n'), file)
    expect(result.ok).toBe(false)
    expect(result.errors.map((e) => formatPath(e.path))).toContain('vr.dwellCones.chair')
  })
})
