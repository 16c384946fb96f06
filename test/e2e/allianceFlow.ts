/** The alliance check-in in the browser: the client's on a phone, the worker's in the debrief. */
import { expect, type Page } from '@playwright/test'

const verder = (page: Page) => page.getByRole('button', { name: 'Verder' }).click()
export const statementIds = ['direction-1', 'direction-2', 'direction-3', 'trust-1', 'trust-2', 'trust-3', 'bond-1', 'bond-2', 'bond-3', 'friction-1', 'friction-2', 'friction-3'] as const
export type Statements = Record<(typeof statementIds)[number], number>

/** A likert point by its accessible name: the ends carry their anchor ("1: Helemaal niet mee eens"). */
const point = (n: number) => new RegExp(`^${n}(:|$)`)

/** From the lobby (client code entered) to the check-in's first question. */
export async function startAllianceCheckIn(page: Page, code: string) {
  await page.goto('/?speed=50')
  await page.getByRole('button', { name: 'Ik snap het en doe mee' }).click()
  await page.getByLabel('Code').fill(code)
  await verder(page)
  await page.getByRole('button', { name: /Hoe ging het contact\?/ }).click()
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'welcome')
}

/** Answers the whole check-in; the contact date stays at its default (today). */
export async function answerAllianceCheckIn(page: Page, kind: string, statements: Statements, better: string | null, screenshot?: (name: string) => Promise<unknown>) {
  await verder(page)
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-contact-date')
  await screenshot?.('date')
  await verder(page)
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-contact-kind')
  await page.getByRole('radio', { name: kind }).click()
  await verder(page)
  await page.getByRole('radio', { name: 'Ja, zoals gepland' }).click()
  await verder(page)
  for (const id of [...statementIds, 'privacy', 'drop-out'] as const) {
    await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', `ask-${id}`)
    await page.getByRole('radio', { name: point(id === 'privacy' ? 4 : id === 'drop-out' ? 1 : statements[id as keyof Statements]) }).click()
    if (id === 'trust-1') await screenshot?.('statement')
    await verder(page)
  }
  await expect(page.getByTestId('beat')).toHaveAttribute('data-beat', 'ask-better')
  if (better === null) await page.getByRole('button', { name: 'Sla over' }).click()
  else {
    await page.getByRole('textbox').fill(better)
    await verder(page)
  }
  await expect(page.getByRole('heading', { name: 'Klaar!' })).toBeVisible()
}

/** The worker's side in the debrief: code, date, kind, and the statements by their prompts' order. */
export async function fillWorkerCheckIn(page: Page, args: { code: string; date: string; kind: string; statements: Partial<Statements> }) {
  await page.getByRole('button', { name: 'Vul een check-in in' }).click()
  const form = page.getByTestId('worker-checkin-form')
  await form.getByLabel('Code van de cliënt').fill(args.code)
  await form.getByLabel('Datum van het contact').fill(args.date)
  await form.locator('[data-item="contact-kind"]').getByRole('radio', { name: args.kind }).check()
  await form.locator('[data-item="contact-planned"]').getByRole('radio', { name: 'Ja, zoals gepland' }).check()
  for (const [id, value] of Object.entries(args.statements)) await form.locator(`[data-item="${id}"]`).getByRole('radio', { name: point(value) }).check()
  await form.getByRole('button', { name: 'Zet in het overzicht' }).click()
  await expect(page.getByTestId('worker-checkin-saved')).toBeVisible()
}
