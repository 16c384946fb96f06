/** The alliance check-in's screens for the accessibility list (screens.ts): the client's new questions and the debrief's parts. */
import { expect, type Page } from '@playwright/test'
import { allianceBundle } from '../fixtures/allianceBundles.ts'
import { startAllianceCheckIn } from './allianceFlow.ts'
import type { AppScreen, Language } from './screens.ts'

async function inLanguage(page: Page, language: Language) {
  if (language === 'nl') return
  await page.getByRole('button', { name: 'English' }).click()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
}

const verder = (page: Page) => page.getByRole('button', { name: 'Verder' }).click()
const beat = (page: Page, id: string) => expect(page.getByTestId('beat')).toHaveAttribute('data-beat', id)

const debriefUrl = (language: Language) => `/debrief.html${language === 'en' ? '?lang=en' : ''}`

export const allianceScreens: AppScreen[] = [
  {
    name: 'alliance check-in: contact date',
    prompt: true,
    async open(page, language) {
      await startAllianceCheckIn(page, 'AX51')
      await verder(page)
      await beat(page, 'ask-contact-date')
      await inLanguage(page, language)
    },
  },
  {
    name: 'alliance check-in: kind of contact',
    prompt: true,
    async open(page, language) {
      await startAllianceCheckIn(page, 'AX52')
      await verder(page)
      await beat(page, 'ask-contact-date')
      await verder(page)
      await beat(page, 'ask-contact-kind')
      await inLanguage(page, language)
    },
  },
  {
    name: 'alliance check-in: statement with pictograms',
    prompt: true,
    async open(page, language) {
      await startAllianceCheckIn(page, 'AX53')
      await verder(page)
      await verder(page)
      await page.getByRole('radio', { name: 'Telefoon' }).click()
      await verder(page)
      await page.getByRole('radio', { name: 'Ja, zoals gepland' }).click()
      await verder(page)
      await beat(page, 'ask-direction-1')
      await expect(page.locator('.agree-pictogram')).toHaveCount(5)
      await inLanguage(page, language)
    },
  },
  {
    name: "debrief: the worker's check-in form",
    prompt: false,
    async open(page, language) {
      await page.goto(debriefUrl(language))
      await page.getByRole('button', { name: language === 'nl' ? 'Vul een check-in in' : 'Fill in a check-in' }).click()
      await expect(page.getByTestId('worker-checkin-form')).toBeVisible()
    },
  },
  {
    name: 'debrief: alliance view of client and worker',
    prompt: false,
    async open(page, language) {
      await page.goto(debriefUrl(language))
      const bundles = [
        allianceBundle('client', { date: '2026-05-04', kind: 'office', direction: [4, 4, 4], trust: [4, 4, 4], bond: [4, 5, 4], friction: [1, 1, 2] }),
        allianceBundle('worker', { date: '2026-05-04', kind: 'office', direction: [4, 4, 4], trust: [3, 3, 3], bond: [4, 4, 4], friction: [2, 2, 2] }),
        allianceBundle('client', { date: '2026-05-11', kind: 'video', direction: [4, 4, 4], trust: [5, 5, 5], bond: [4, 4, 4], friction: [2, 1, 2], sessionNumber: 2 }),
        allianceBundle('worker', { date: '2026-05-11', kind: 'video', direction: [4, 4, 3], trust: [3, 2, 2], bond: [4, null, 4], friction: [2, 3, 2], sessionNumber: 2 }),
      ].map((b, i) => ({ name: `a${i}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(b)) }))
      await page.getByTestId('import-input').setInputFiles(bundles)
      await expect(page.getByTestId('alliance-view')).toBeVisible()
      await expect(page.getByTestId('talking-points')).toBeVisible()
    },
  },
]
