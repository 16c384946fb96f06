import { transitionsOf, type ScenarioScript } from './schema.ts'

/** A Mermaid statechart of a scene, so a trainer can see the flow without reading YAML. */
export function toMermaid(script: ScenarioScript, language: 'nl' | 'en' = 'nl'): string {
  const out = ['stateDiagram-v2', `  %% ${script.title[language]} (${script.id} v${script.version})`]
  const node = (id: string) => id.replace(/-/g, '_')
  out.push(`  [*] --> ${node(script.beats[0]!.id)}`)
  for (const beat of script.beats) {
    const what = beat.ask
      ? `vraag › ${script.items[beat.ask]?.prompt[language] ?? beat.ask}`
      : beat.say
        ? script.lines[beat.say]?.[language] ?? beat.say
        : beat.wait
          ? `wacht ${beat.wait / 1000} s`
          : ''
    const label = what.length > 60 ? `${what.slice(0, 57)}…` : what
    out.push(`  ${node(beat.id)}: ${beat.id}${label ? ` — ${label.replace(/[:;#]/g, ' ')}` : ''}`)
    for (const t of transitionsOf(beat)) {
      const cond = t.if ? ` [${t.if.type} ${Object.values(t.if.params).join(' ')}]` : ''
      out.push(`  ${node(beat.id)} --> ${node(t.to)}: ${t.on}${cond}`)
    }
    if (beat.end) out.push(`  ${node(beat.id)} --> [*]`)
  }
  return out.join('\n') + '\n'
}
