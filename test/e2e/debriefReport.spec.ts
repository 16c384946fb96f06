import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { childEyeBundle, drillBundle, followUpBundle, questionnaireBundle } from '../fixtures/sampleBundles.ts'
import { jsonUpload, messageFor, openDebrief, upload } from './debriefFiles.ts'
import { expect, test } from './fixtures.ts'
import { pdfPages } from './pdfPages.ts'

const outDir = join(import.meta.dirname, '../../.test-output')

/** Each chart and the label of its value axis (text inside the SVG): both must be on one printed page. */
const axisLabelOf: Record<string, string> = {
  'chart-bias': 'Verschilscore (ms)',
  'chart-cells': 'Reactietijd (ms)',
  'chart-accuracy': 'Goed (%)',
  'chart-timeline': 'Tijd (s)',
  'chart-dwell': 'Deel van de tijd (%)',
  'chart-measures': 'Antwoord op de schaal',
}

test('the report prints to a real PDF: selectable text, no empty page, no chart cut over two pages', async ({ page }) => {
  test.setTimeout(120_000)
  await openDebrief(page)
  const files = [
    ...[1, 2, 3, 4].map((n) => jsonUpload(`drill-${n}.json`, drillBundle({ trials: 48, session: n, alcoholPullShift: 20 * n }))),
    jsonUpload('check-in.json', questionnaireBundle('Het was een zware week.\nMaar ik heb niet gedronken.')),
    jsonUpload('child-eye.json', childEyeBundle('Ik dacht aan mijn eigen zoon.')),
    jsonUpload('child-eye-followup.json', followUpBundle()),
    jsonUpload('other-client.json', drillBundle({ trials: 40, session: 1, clientCode: 'ZZ77' })),
  ]
  await upload(page, files)
  for (const f of files) await messageFor(page, f.name, 'added')
  await expect(page.getByTestId('client-report')).toHaveCount(2)

  // The follow-up stands right after the scene it follows, and says so.
  const order = await page.locator('[data-client="AB12"] [data-testid="session-report"] h3').allInnerTexts()
  const childEye = order.findIndex((t) => t.startsWith('Door de ogen van Joris'))
  expect(order[childEye + 1]).toMatch(/^Joris, zes weken later/)
  await expect(page.getByTestId('follow-up')).toContainText('Vervolg op Door de ogen van Joris')
  // Trends carry uncertainty and a reliability note; one session is never a finding.
  await expect(page.locator('[data-client="AB12"] [data-testid="reliability-note"]')).toContainText('Eén sessie zegt niets over de persoon')
  await expect(page.locator('[data-client="AB12"] [data-testid="reliability-note"]')).toContainText('Gemiddelde over 4 sessies')
  // No split-half over one client's sessions: reliability is a property of a measure across many people.
  await expect(page.locator('[data-client="AB12"] [data-testid="reliability-note"]')).not.toContainText('split-half')
  await expect(page.locator('[data-client="AB12"]')).not.toContainText('Betrouwbaarheid')

  // Each chart draws in a task of its own just after its report (PlotFigure.tsx), as a person sees them appear.
  await expect(page.locator('main figure.chart:not(:has(svg))')).toHaveCount(0)
  const charts = await page.locator('main figure.chart').evaluateAll((nodes) =>
    nodes.map((n) => ({ id: n.getAttribute('data-testid')!, title: n.querySelector('h4')!.textContent!, svgText: n.lastElementChild?.textContent ?? '' })),
  )
  for (const id of Object.keys(axisLabelOf)) expect(charts.map((c) => c.id)).toContain(id)
  for (const chart of charts) expect(chart.svgText).toContain(axisLabelOf[chart.id])

  await page.emulateMedia({ media: 'print' })
  const pdfFile = join(outDir, 'report.pdf')
  writeFileSync(pdfFile, await page.pdf({ format: 'A4', printBackground: true }))
  const pages = pdfPages(pdfFile, join(outDir, 'report-pages'))
  console.log(`report: ${pages.length} pages; ink per page ${pages.map((p) => (p.inked * 100).toFixed(1) + '%').join(', ')}`)
  expect(pages.length).toBeGreaterThanOrEqual(2)

  // No empty pages: every page carries visible content and selectable text.
  for (const p of pages) {
    expect(p.inked, `page ${p.number} is (nearly) empty`).toBeGreaterThan(0.005)
    expect(p.text.trim().length, `page ${p.number} has no selectable text`).toBeGreaterThan(20)
  }
  // A heading is never the last line of a page: it stays with the text it heads (debrief.css print rules).
  const headings = (await page.locator('main h2, main h3, main h4, main h5').allInnerTexts()).map((h) => h.replace(/\s+/g, ' ').trim()).filter((h) => h.length > 0)
  for (const p of pages.slice(0, -1)) for (const h of headings) expect(p.text.trim().endsWith(h), `page ${p.number} ends with the heading "${h}"`).toBe(false)
  const all = pages.map((p) => p.text).join(' ')
  expect(all).toContain('Verslag voor het gesprek')
  expect(all).toContain('geen risicotaxatie')
  expect(all).toContain('Maar ik heb niet gedronken.')
  // Import controls and buttons are not printed.
  expect(all).not.toContain('Kies bestanden')

  // No chart cut: the k-th occurrence of each chart's title is on the same page as the k-th occurrence of its axis label.
  const pagesOf = (needle: string) => pages.flatMap((p) => Array(p.text.split(needle).length - 1).fill(p.number) as number[])
  for (const id of new Set(charts.map((c) => c.id))) {
    const title = charts.find((c) => c.id === id)!.title
    const titlePages = pagesOf(title)
    expect(titlePages.length, `${title} printed`).toBe(charts.filter((c) => c.id === id).length)
    expect(pagesOf(axisLabelOf[id]!), `${title}: its axis is on the same page as its title`).toEqual(titlePages)
  }

  // The same report in English, charts included.
  await page.emulateMedia({ media: 'screen' })
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.getByRole('heading', { name: 'Report for the conversation' })).toBeVisible()
  await expect(page.locator('[data-client="AB12"] [data-testid="chart-bias"]')).toContainText('Alcohol difference score per session, with uncertainty')
  await expect(page.locator('[data-client="AB12"] [data-testid="chart-bias"]')).toContainText('Difference score (ms)')
  await expect(page.locator('[data-client="AB12"] [data-testid="reliability-note"]')).toContainText('One session says nothing about the person')
})
