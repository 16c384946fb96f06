import { decryptFile } from '../../src/export/encryptedFile.ts'
import { answerChoice, expect, startCheckIn, test } from './fixtures.ts'

test('where the browser can share files, the encrypted file goes to the share sheet and opens with the words shown', async ({ page }) => {
  // A phone's share sheet, as the Web Share API presents it; the test keeps the shared file instead of sending it.
  await page.addInitScript(() => {
    const shared: { name: string; type: string; bytes: number[] }[] = []
    Object.assign(window, { __shared: shared })
    Object.defineProperty(navigator, 'canShare', { value: (data: ShareData) => !!data.files?.length })
    Object.defineProperty(navigator, 'share', {
      value: async (data: ShareData) => {
        for (const file of data.files ?? []) shared.push({ name: file.name, type: file.type, bytes: [...new Uint8Array(await file.arrayBuffer())] })
      },
    })
  })
  let downloads = 0
  page.on('download', () => downloads++)
  await startCheckIn(page, 'SH55')
  await page.getByRole('button', { name: 'Verder' }).click()
  await answerChoice(page, /^4$/, 'ask-sleep')
  await answerChoice(page, 'Goed', 'ask-hard-part')
  await page.getByRole('textbox').fill('niks bijzonders')
  await page.getByRole('button', { name: 'Verder' }).click()
  await page.getByRole('slider').fill('3')
  await page.getByRole('button', { name: 'Verder' }).click()
  await answerChoice(page, 'Nee', 'thanks')

  await page.getByRole('button', { name: 'Stuur naar mijn begeleider' }).click()
  const passphrase = (await page.getByTestId('passphrase').innerText()).trim()
  const shared = await page.waitForFunction(() => (window as unknown as { __shared: unknown[] }).__shared[0]).then((h) => h.jsonValue() as Promise<{ name: string; bytes: number[] }>)
  expect(shared.name).toMatch(/^perspectief_SH55_check-in_.*\.perspectief$/)
  expect(downloads).toBe(0)
  const bundle = JSON.parse(new TextDecoder().decode(await decryptFile(new Uint8Array(shared.bytes), passphrase)))
  expect(bundle.session.clientCode).toBe('SH55')
  expect(bundle.summary.scene.answers.map((a: { item: string }) => a.item)).toEqual(['mood', 'sleep', 'hard-part', 'stress', 'talk'])
})
