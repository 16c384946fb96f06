import { devices } from '@playwright/test'
import { expect, storedEvents, test } from './fixtures.ts'
import { hashToUint32 } from '../../src/engine/drill/seededRandom.ts'
import { playDrill, ruleFor, startDrill, type ClientMemory } from '../../scripts/browser/drillFlow.ts'

const { defaultBrowserType: _browser, ...pixel7 } = devices['Pixel 7']
test.use({ ...pixel7 })

/** A client code whose counterbalancing (src/drill/drillPlan.ts: bit 0 of the code's hash) puts the reversed half first or second. */
function codeWith(reversedFirst: boolean): string {
  for (let i = 0; ; i++) {
    const code = `RL${String(i).padStart(2, '0')}`
    if (((hashToUint32(code) & 1) === 1) === reversedFirst) return code
  }
}

const standard = { alcohol: 'push', soft: 'pull' }
const reversed = { alcohol: 'pull', soft: 'push' }

for (const reversedFirst of [true, false]) {
  test(`every block's instruction states its rule in full, in words and pictures (reversed half ${reversedFirst ? 'first' : 'second'})`, async ({ page, context }) => {
    test.setTimeout(360_000)
    const code = codeWith(reversedFirst)
    await startDrill(page, { code, mode: 'Alleen meten', assessmentTrials: 40 })
    const memory: ClientMemory = { reversed: false, intros: [] }
    // The client does exactly what the last instruction said.
    await playDrill(page, await context.newCDPSession(page), (trial) => ({ direction: ruleFor(trial), rtMs: 450 }), Infinity, memory)
    await expect(page.getByTestId('drill-done')).toBeVisible()

    const blocks = (await storedEvents(page)).filter((e) => e.type === 'drill.block.started').map((e) => e.data as { block: string; rule?: string })
    expect(blocks.map((b) => `${b.block}:${b.rule ?? ''}`)).toEqual(['practice:', ...(reversedFirst ? ['assessment:reversed', 'assessment:standard'] : ['assessment:standard', 'assessment:reversed'])])
    expect(memory.intros).toHaveLength(blocks.length)
    memory.intros!.forEach((intro, i) => {
      const rule = blocks[i]!.rule === 'reversed' ? reversed : standard
      const words = { push: 'veeg omhoog, van je af', pull: 'veeg omlaag, naar je toe' }
      // In words: both drinks and both directions, every time.
      expect(intro.text).toContain(`Drank met alcohol: ${words[rule.alcohol as 'push']}`)
      expect(intro.text).toContain(`Frisdrank: ${words[rule.soft as 'pull']}`)
      expect(intro.text).not.toMatch(/Zelfde regels/i)
      // In pictures: an arrow per drink, pointing the way the rule says.
      expect(intro.rules).toEqual([
        { rule: 'alcohol', move: rule.alcohol },
        { rule: 'soft', move: rule.soft },
      ])
      // A rule change is announced as one.
      if (i > 0 && blocks[i - 1]!.rule !== undefined && blocks[i - 1]!.rule !== blocks[i]!.rule) expect(intro.text).toMatch(/^Let op: nu/m)
    })
  })
}
