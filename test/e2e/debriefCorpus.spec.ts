/**
 * The hostile-session corpus dropped on the debrief page: each file is refused with its message (naming the first
 * bad event and the rule, in Dutch), or shown with its warning; and nothing on the page is a number outside its
 * meaning (no NaN, no Infinity, no "−0,00", no number hundreds of digits long).
 */
import { hostileCorpus } from '../fixtures/hostile-sessions/corpus.ts'
import { strings } from '../../src/i18n/strings.ts'
import { messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, test } from './fixtures.ts'

for (const c of hostileCorpus()) {
  test(`corpus: ${c.name}`, async ({ page }) => {
    await openDebrief(page)
    for (const [i, file] of c.files.entries()) {
      const want = c.expect[i]!
      await upload(page, [{ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }])
      const message = await messageFor(page, file.name, want.outcome)
      if (want.outcome === 'refused') {
        await expect(message).toHaveAttribute('data-code', want.code)
        if (want.rule) {
          await expect(message).toContainText(strings.nl[`rule_${want.rule.replace(/-/g, '_')}` as 'rule_clock'])
          await expect(message).toContainText('events[')
        }
      } else if ('summaryDiffers' in want && want.summaryDiffers) {
        await expect(message).toContainText('De eigen cijfers van dit bestand wijken af van de gebeurtenissen.')
      }
    }
    const last = c.expect.at(-1)!
    const reports = page.getByTestId('session-report')
    const shown = c.expect.filter((e, i) => e.outcome !== 'refused' && e.outcome !== 'older' && !c.expect.slice(i + 1).some((w) => w.outcome === 'replaced')).length
    await expect(reports).toHaveCount(shown)
    if ('summaryDiffers' in last && last.summaryDiffers) {
      await expect(page.getByTestId('summary-differs')).toHaveText('De eigen cijfers van het bestand wijken af van de gebeurtenissen; de herberekende cijfers worden getoond.')
      await expect(page.getByTestId('summary-count')).toHaveAttribute('data-value', '1')
    }
    if (last.outcome === 'conflict') await expect(page.getByTestId('conflict')).toHaveCount(2)
    for (const want of c.expect) {
      if ('noBias' in want && want.noBias && want.outcome === 'added' && last.outcome !== 'replaced') {
        await expect(page.locator(`[data-testid="no-bias"][data-reason="${want.noBias}"]`)).toBeVisible()
        await expect(page.getByTestId('dd-mean')).toHaveCount(0)
      }
    }
    // Every shown score lies within its meaning.
    for (const dd of await page.getByTestId('dd-mean').all()) {
      const value = await dd.getAttribute('data-value')
      if (value) expect(Math.abs(Number(value))).toBeLessThanOrEqual(7000)
    }
    for (const d of await page.getByTestId('d-score').all()) {
      const value = await d.getAttribute('data-value')
      if (value) expect(Number.isFinite(Number(value))).toBe(true)
    }
    // The report (not the import log, whose refusals quote the bad value on purpose) shows no impossible figure.
    const text = (await page.getByTestId('client-report').allInnerTexts()).join('\n')
    expect(text).not.toMatch(/NaN|Infinity|−0,00|-0,00|\d{13,}/)
  })
}
