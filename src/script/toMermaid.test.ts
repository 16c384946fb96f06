import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parseScene } from './parse.ts'
import { transitionsOf, type ScenarioScript } from './schema.ts'
import { toMermaid } from './toMermaid.ts'

function load(text: string): ScenarioScript {
  const result = parseScene(text, 'scene.yaml')
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'))
  return result.script
}

const checkIn = load(readFileSync(fileURLToPath(new URL('../../scenes/check-in/scene.yaml', import.meta.url)), 'utf8'))
const node = (id: string) => id.replace(/-/g, '_')

describe('toMermaid', () => {
  const chart = toMermaid(checkIn)
  const lines = chart.trimEnd().split('\n')

  it('is a state diagram that starts at the first beat', () => {
    expect(lines[0]).toBe('stateDiagram-v2')
    expect(lines).toContain('  [*] --> welcome')
    expect(lines).toContain('  thanks --> [*]')
  })

  it('has every beat and every transition of check-in, and nothing else', () => {
    for (const beat of checkIn.beats) {
      expect(lines.some((l) => l.startsWith(`  ${node(beat.id)}: ${beat.id}`)), beat.id).toBe(true)
      for (const t of transitionsOf(beat)) {
        expect(lines.some((l) => l.startsWith(`  ${node(beat.id)} --> ${node(t.to)}: ${t.on}`)), `${beat.id} → ${t.to}`).toBe(true)
      }
    }
    const transitions = checkIn.beats.flatMap(transitionsOf).length
    const ends = checkIn.beats.filter((b) => b.end).length
    // One arrow per transition, plus the start and the end arrows.
    expect(lines.filter((l) => l.includes(' --> '))).toHaveLength(transitions + 1 + ends)
  })

  it('shows the conditions on guarded transitions', () => {
    expect(lines).toContain('  ask_sleep --> ask_hard_part: answered [paramIs followUp true]')
    expect(lines).toContain('  ask_stress --> breathe: answered [answerAtLeast stress 7]')
    expect(lines).toContain('  ask_stress --> ask_talk: answered')
  })

  it('uses state names Mermaid accepts', () => {
    for (const l of lines.filter((x) => x.includes(' --> '))) {
      const [from, to] = l.trim().split(':')[0]!.split(' --> ')
      expect(from).toMatch(/^(\[\*\]|[a-z0-9_]+)$/)
      expect(to).toMatch(/^(\[\*\]|[a-z0-9_]+)$/)
    }
  })

  it('labels beats in the chosen language', () => {
    expect(chart).toContain('%% Hoe gaat het? (check-in v1)')
    expect(chart).toMatch(/\n {2}ask_mood: ask-mood — .*Hoe voel je je vandaag\?\n/)
    expect(chart).toMatch(/\n {2}breathe: breathe — Adem even rustig in en uit\.\n/)
    const english = toMermaid(checkIn, 'en')
    expect(english).toContain('%% How are you? (check-in v1)')
    expect(english).toMatch(/\n {2}ask_mood: ask-mood — .*How do you feel today\?\n/)
    expect(english).not.toContain('Hoe voel je je vandaag?')
  })

  it('keeps separators out of labels and shortens long ones', () => {
    const script = load(`
id: labels
version: 1
kind: questionnaire
title: { nl: Labels, en: Labels }
lines:
  note: { nl: "Let op: pauze; punt #1", en: "Note" }
  long: { nl: "${'woord '.repeat(20).trim()}", en: "Long" }
beats:
  - { id: note, say: note, next: { on: continue, to: long } }
  - { id: long, say: long, end: true }
`)
    const out = toMermaid(script).split('\n')
    // Mermaid reads ":" as the start of a label and ";" or "#" as syntax; only the first ":" may remain.
    const note = out.find((l) => l.startsWith('  note: '))!.slice('  note: '.length)
    expect(note).toMatch(/^note — Let op\W+pauze\W+punt\W+1$/)
    expect(note).not.toMatch(/[:;#]/)
    const long = out.find((l) => l.startsWith('  long: '))!
    expect(long.endsWith('…')).toBe(true)
    expect(long.length).toBeLessThan('  long: long — '.length + 61)
  })
})
