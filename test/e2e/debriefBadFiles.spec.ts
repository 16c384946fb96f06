/**
 * A corpus of bad files, built here from a good session with the app's own export code, each refused with a
 * message that names the file and what was wrong, while the sessions already open stay exactly as they were.
 */
import { encryptFile } from '../../src/export/encryptedFile.ts'
import { drillBundle, questionnaireBundle } from '../fixtures/sampleBundles.ts'
import { jsonUpload, messageFor, openDebrief, rawUpload, unlock, upload, type Upload } from './debriefFiles.ts'
import { expect, test } from './fixtures.ts'

const passphrase = 'boom fiets kaas molen regen tulp'
const encoder = new TextEncoder()

function withHeader(file: Uint8Array, change: (h: Record<string, unknown>) => void): Uint8Array {
  const [head, body] = new TextDecoder().decode(file).split('\n')
  const header = JSON.parse(head!)
  change(header)
  return encoder.encode(`${JSON.stringify(header)}\n${body}\n`)
}

interface BadFile {
  upload: Upload
  /** Text the refusal must contain: the plain reason, all in Dutch. */
  says: RegExp
  /** The precise technical detail (English), kept on the message for support but not shown in the Dutch report. */
  detail?: RegExp
  /** Passphrase to type when the file gets as far as asking for one. */
  typed?: string
}

test('every file of the bad corpus is refused with a clear message and the view keeps what it had', async ({ page }) => {
  test.setTimeout(120_000)
  const good = questionnaireBundle()
  const drill = drillBundle({ trials: 40, session: 1 })
  const encrypted = await encryptFile(encoder.encode(JSON.stringify(good)), passphrase)
  const tampered = encrypted.slice()
  tampered[tampered.length - 20] = tampered[tampered.length - 20] === 0x41 ? 0x42 : 0x41
  const bundleText = JSON.stringify(good, null, 2)

  const corpus: BadFile[] = [
    { upload: rawUpload('01-wrong-passphrase.perspectief', encrypted), typed: 'boom fiets kaas molen regen tuin', says: /wachtwoord klopt niet/ },
    { upload: rawUpload('02-tampered-byte.perspectief', tampered), typed: passphrase, says: /wachtwoord klopt niet, of het bestand is veranderd/ },
    { upload: rawUpload('03-truncated.perspectief', encrypted.subarray(0, Math.floor(encrypted.length / 2) + 1)), says: /niet compleet/ },
    { upload: rawUpload('04-unknown-version.perspectief', withHeader(encrypted, (h) => (h.v = 9))), says: /deze versie van het bestand kent de app niet \(9\)/ },
    { upload: rawUpload('05-absurd-iterations.perspectief', withHeader(encrypted, (h) => (h.iterations = 2_000_000_000))), says: /vreemd aantal rondes \(2000000000; toegestaan 600000 tot 5000000\)/ },
    { upload: rawUpload('06-too-few-iterations.perspectief', withHeader(encrypted, (h) => (h.iterations = 1000))), says: /vreemd aantal rondes \(1000/ },
    { upload: rawUpload('07-not-json.json', 'Dit is een boodschappenlijst: melk, brood.'), says: /kapot of geen sessiebestand/, detail: /not valid JSON/ },
    { upload: rawUpload('08-huge.json', new Uint8Array(21 * 1024 * 1024).fill(0x20)), says: /te groot \(21\.0 MB; de grens is 20 MB\)/ },
    { upload: jsonUpload('09-wrong-schema.json', { ...good, session: { ...good.session, status: 'finished' } }), says: /klopt niet bij session\.status/ },
    { upload: jsonUpload('10-duplicate.json', { ...good, exportedAt: '2026-05-01T00:00:00.000Z' }), says: /al geopend \(als good\.json\)/, detail: /same session as good\.json/ },
    { upload: jsonUpload('11-newer-schema.json', { ...good, schemaVersion: 2, appVersion: '2.0.0' }), says: /nieuwere versie van de app \(schema 2, app "2\.0\.0"\)/ },
    { upload: rawUpload('12-empty.json', ''), says: /leeg/ },
    { upload: rawUpload('13-picture.json', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00])), says: /geen tekstbestand/ },
    { upload: rawUpload('14-cut-off.json', bundleText.slice(0, bundleText.length / 2)), says: /kapot/, detail: /stops in the middle/ },
    {
      upload: jsonUpload('15-bad-event.json', { ...good, session: { ...good.session, id: 'other' }, events: good.events.map((e) => ({ ...e, sessionId: 'other', data: e.type === 'answer.given' ? { ...e.data, latencyMs: 'slow' } : e.data })) }),
      says: /gebeurtenis.*events\[3\]/,
      detail: /events\[3\]: answer\.given: latencyMs/,
    },
    { upload: jsonUpload('16-not-perspectief.json', { name: 'iets anders', rows: [] }), says: /geen Perspectief-sessie/ },
    { upload: rawUpload('17-bad-salt.perspectief', withHeader(encrypted, (h) => (h.salt = 'AAAA'))), says: /kop van het beveiligde bestand klopt niet/, detail: /salt/ },
    { upload: jsonUpload('18-old-schema.json', { ...good, schemaVersion: 0 }), says: /kent de app niet \(0\)/ },
    { upload: jsonUpload('19-array.json', [good]), says: /geen Perspectief-sessie/ },
  ]
  expect(corpus.length).toBeGreaterThanOrEqual(15)

  await openDebrief(page)
  await upload(page, [jsonUpload('good.json', good), jsonUpload('drill.json', drill)])
  await messageFor(page, 'good.json', 'added')
  await messageFor(page, 'drill.json', 'added')
  const report = page.locator('main').locator('[data-testid="client-report"]')
  await expect(report).toHaveCount(1)
  const before = await report.innerText()

  for (const bad of corpus) {
    await upload(page, [bad.upload])
    if (bad.typed) await unlock(page, bad.upload.name, bad.typed)
    const message = await messageFor(page, bad.upload.name, 'refused')
    await expect(message).toHaveText(new RegExp(`${bad.upload.name.replace(/\./g, '\\.')} is niet geopend: .*`))
    await expect(message).toHaveText(bad.says)
    if (bad.detail) await expect(message).toHaveAttribute('data-detail', bad.detail)
    if (bad.typed) {
      // After a failed passphrase the file keeps waiting, so it may be retyped; the trainer can also skip it.
      await page.getByTestId('passphrase-prompt').getByRole('button', { name: 'Sla over' }).click()
    }
    await expect(page.getByTestId('passphrase-prompt')).toHaveCount(0)
    await expect(report).toHaveCount(1)
    expect(await report.innerText()).toBe(before)
  }
  await expect(page.getByTestId('file-messages').locator('li[data-outcome="refused"]')).toHaveCount(corpus.length)
})
