/**
 * Must-show 3: a replacement item set (test/fixtures/alliance-replacement: other wording, other item ids, a 7-point
 * scale, the same parts) runs through the engine and shows in the debrief by its own name, with no code change.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { cleanup, render, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../engine/clock.ts'
import { parseScene } from '../../script/parse.ts'
import { scriptHash } from '../../script/scriptHash.ts'
import type { BundledScene } from '../../script/bundledScene.ts'
import { groupByClient } from '../clientGroups.ts'
import type { SceneInfo } from '../sceneInfo.ts'
import { sessionFacts } from '../sessionFacts.ts'
import { AllianceView, allianceRecords } from './AllianceView.tsx'
import { checkInInfoOf } from './checkInInfo.ts'
import { runCheckIn } from './runCheckIn.ts'

afterEach(cleanup)

async function bundled(file: string): Promise<BundledScene> {
  const parsed = parseScene(readFileSync(join(process.cwd(), file), 'utf8'), file)
  if (!parsed.ok) throw new Error(parsed.errors.map((e) => e.message).join('; '))
  return { script: parsed.script, hash: await scriptHash(parsed.script), file, stimulusSets: {} }
}

const infoOf = (scene: BundledScene): SceneInfo => ({
  kind: scene.script.kind,
  title: scene.script.title,
  items: Object.fromEntries(Object.entries(scene.script.items).map(([id, item]) => [id, { type: item.type, prompt: item.prompt }])),
  alliance: checkInInfoOf(scene.script),
})

describe('a replacement item set', () => {
  it('runs with no code change, scores on its own scale, and is labelled by its own name', async () => {
    const replacement = await bundled('test/fixtures/alliance-replacement/scene.yaml')
    const worker = await bundled('scenes/alliance-worker/scene.yaml')
    expect(replacement.script.id).toBe('alliance-client')

    const clock = manualClock(Date.UTC(2026, 4, 12, 15))
    const clientBundle = await runCheckIn(
      replacement,
      'RP12',
      // direction 5,6,7 → 6; trust 7,7,4 → 6; bond 6,6,6 → 6; friction 1,2,6 → 3 (reversed on 7 points: 7,6,2 → 5).
      { wanneer: '2026-05-12', hoe: 'video', 'helder-a': 5, 'helder-b': 6, 'helder-c': 7, 'geloof-a': 7, 'geloof-b': 7, 'geloof-c': 4, 'samen-a': 6, 'samen-b': 6, 'samen-c': 6, 'schuur-a': 1, 'schuur-b': 2, 'schuur-c': 6 },
      { appVersion: 'test', sessionNumber: 1, clock },
    )
    expect(clientBundle.session.status).toBe('completed')
    expect(clientBundle.events.filter((e) => e.type === 'answer.given')).toHaveLength(14)
    // The worker's side, one statement left open: its part (bond) is incomplete, never guessed.
    const workerBundle = await runCheckIn(
      worker,
      'RP12',
      { 'contact-date': '2026-05-12', 'contact-kind': 'video', 'contact-planned': 'yes', 'direction-1': 5, 'direction-2': 5, 'direction-3': 5, 'trust-1': 2, 'trust-2': 2, 'trust-3': 2, 'bond-1': 4, 'bond-2': 4, 'friction-1': 3, 'friction-2': 3, 'friction-3': 3 },
      { appVersion: 'test', sessionNumber: 1, clock },
    )

    const lookup = (id: string) => (id === 'alliance-client' ? infoOf(replacement) : id === 'alliance-worker' ? infoOf(worker) : undefined)
    const facts = [clientBundle, workerBundle].map((b, i) => sessionFacts(`k${i}`, `f${i}.json`, b, lookup, 'nl'))
    const [group] = groupByClient(facts)
    const [clientRecord, workerRecord] = allianceRecords(group!, lookup, 'nl')
    expect(clientRecord!.setName).toBe('Werkrelatie-meter (vervangende set)')
    expect(clientRecord!.score.parts.direction!.mean).toBe(6)
    expect(clientRecord!.score.parts.trust!.mean).toBe(6)
    expect(clientRecord!.score.parts.friction!.mean).toBe(3)
    expect(clientRecord!.score.parts.friction!.allianceMean).toBe(5)
    expect(clientRecord!.score.overall).toBe(5.75)
    expect(workerRecord!.score.parts.bond).toMatchObject({ mean: null, complete: false, answered: 2, total: 3 })
    expect(workerRecord!.score.overall).toBeNull()

    render(<AllianceView group={group!} lookup={lookup} />)
    expect(screen.getByTestId('alliance-sets').textContent).toContain('Werkrelatie-meter (vervangende set)')
    expect(screen.getByTestId('alliance-sets').textContent).toContain('Check-in begeleider: werkrelatie')
    const rows = within(screen.getByTestId('alliance-table')).getAllByRole('row').slice(1)
    expect(rows.map((r) => r.getAttribute('data-side'))).toEqual(['client', 'worker'])
    expect(rows[0]!.textContent).toContain('Werkrelatie-meter (vervangende set)')
    expect(rows[1]!.querySelector('td[data-part="bond"]')!.textContent).toBe('onvolledig')
    // The sides differ by 4 on trust (6 against 2): a neutral talking point, worded by the part's own label.
    const points = within(screen.getByTestId('talking-points')).getAllByRole('listitem')
    expect(points.map((p) => p.getAttribute('data-part'))).toEqual(['trust'])
    expect(points[0]!.textContent).toContain('Bespreekpunt: jullie kijken verschillend naar vertrouwen')
    // A chart per part, and the overall line.
    for (const part of ['direction', 'trust', 'bond', 'friction', 'overall']) expect(screen.getByTestId(`alliance-chart-${part}`)).toBeTruthy()
  })
})
