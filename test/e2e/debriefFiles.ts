/** Helpers for the debrief e2e tests: files as Playwright uploads, and reading what the view shows. */
import { expect, type Page } from '@playwright/test'
import type { SessionBundle } from '../../src/export/sessionBundle.ts'

export interface Upload {
  name: string
  mimeType: string
  buffer: Buffer
}

export function jsonUpload(name: string, bundle: SessionBundle | unknown): Upload {
  return { name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bundle, null, 2)) }
}

export function rawUpload(name: string, bytes: Uint8Array | string): Upload {
  return { name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) }
}

export async function openDebrief(page: Page): Promise<void> {
  await page.goto('/debrief.html')
  await expect(page.getByRole('heading', { name: 'Nabespreken' })).toBeVisible()
}

export async function upload(page: Page, files: Upload[]): Promise<void> {
  await page.getByTestId('import-input').setInputFiles(files)
}

/** Types the passphrase into the prompt for `fileName` and opens it. */
export async function unlock(page: Page, fileName: string, passphrase: string): Promise<void> {
  const prompt = page.getByTestId('passphrase-prompt')
  await expect(prompt).toContainText(fileName)
  await prompt.getByRole('textbox').fill(passphrase)
  await prompt.getByRole('button', { name: 'Open' }).click()
}

/** The last message about a file, once it is there. */
export async function messageFor(page: Page, fileName: string, outcome: 'added' | 'refused' | 'replaced' | 'older' | 'conflict') {
  const item = page.getByTestId('file-messages').locator(`li[data-outcome="${outcome}"]`).filter({ hasText: fileName }).last()
  await expect(item).toBeVisible()
  return item
}

/** The number a report element carries (data-value), scoped to one session's report. */
export async function shownValue(page: Page, sessionId: string, testId: string): Promise<number> {
  const value = await page.locator(`[data-testid="session-report"][data-session="${sessionId}"] [data-testid="${testId}"]`).getAttribute('data-value')
  return Number(value)
}
