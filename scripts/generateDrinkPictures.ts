/**
 * Renders the drink pictures for the approach-avoidance swipe drill: `npx tsx scripts/generateDrinkPictures.ts`.
 *
 * The three.js scenes (scripts/drinkPictures/) are bundled with esbuild and rendered in Debian's headless Chromium
 * (SwiftShader, no GPU needed). Each picture's exposure is adjusted until its mean relative luminance sits on the
 * target that catalog.ts gives it, so alcohol and soft-drink pictures are matched on brightness; then it is saved
 * as WebP and listed in assets/drinks/generated/manifest.json.
 *
 * Options:
 *   --only id,id         render only these (the manifest keeps the other entries)
 *   --preview-dir DIR    also write each picture as PNG (for looking at them)
 *   --contact-sheet FILE write a PNG grid of all pictures in the manifest
 */
import { chromium } from '@playwright/test'
import { build } from 'esbuild'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { orderedCatalog, targetsFor, type Category } from './drinkPictures/catalog.ts'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(repoRoot, 'assets/drinks/generated')
const manifestPath = join(outDir, 'manifest.json')
const SIZE = 480
const QUALITY = 0.82
/** Each picture ends within this distance of its target luminance. */
const TOLERANCE = 0.005
const ORIGIN = 'http://render.local'

interface Stimulus {
  id: string
  category: Category
  kind: string
  label: { nl: string; en: string }
  file: string
  meanLuminance: number
  bytes: number
}

interface Manifest {
  set: string
  description: string
  license: string
  width: number
  height: number
  stimuli: Stimulus[]
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function bundlePageCode(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'scripts/drinkPictures/render.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
  })
  const file = result.outputFiles[0]
  if (!file) throw new Error('esbuild produced nothing')
  return file.text
}

async function main(): Promise<void> {
  const started = Date.now()
  const only = option('--only')?.split(',')
  const previewDir = option('--preview-dir')
  const contactSheetPath = option('--contact-sheet')
  const catalog = orderedCatalog()
  const targets = targetsFor(catalog)
  const wanted = only ? catalog.filter((entry) => only.includes(entry.id)) : catalog
  mkdirSync(outDir, { recursive: true })
  if (previewDir) mkdirSync(previewDir, { recursive: true })

  const script = await bundlePageCode()
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    const page = await browser.newPage()
    page.on('console', (message) => {
      // SwiftShader reports every pixel read-back as a 'GPU stall'; that is expected here, anything else is shown.
      if ((message.type() === 'error' || message.type() === 'warning') && !message.text().includes('GPU stall')) console.log(`[page] ${message.text()}`)
    })
    page.on('pageerror', (error) => console.log(`[page error] ${error.message}`))
    // A made-up origin served from memory: nothing is fetched from the network, three.js comes from node_modules.
    await page.route(`${ORIGIN}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname
      if (path === '/render.js') return route.fulfill({ contentType: 'text/javascript', body: script })
      if (path === '/') return route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><body style="margin:0"><script type="module" src="/render.js"></script></body>' })
      return route.fulfill({ status: 404, body: 'not found' })
    })
    await page.goto(`${ORIGIN}/`)
    await page.waitForFunction(() => 'drinkPictures' in window, null, { timeout: 60_000 })
    const available = await page.evaluate(() => window.drinkPictures.ids())

    const previous: Manifest | null = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest) : null
    const results = new Map<string, Stimulus>((previous?.stimuli ?? []).map((s) => [s.id, s]))

    for (const entry of wanted) {
      if (!available.includes(entry.id)) {
        console.log(`skip ${entry.id}: no builder yet`)
        continue
      }
      const t0 = Date.now()
      const target = targets.get(entry.id) as number
      await page.evaluate((id) => window.drinkPictures.build(id), entry.id)
      const { exposure, luminance: rendered, tries } = await calibrate(page, target)
      let encoded = await page.evaluate((q) => window.drinkPictures.encode(q), QUALITY)
      // Compression shifts luminance a little; nudge once more if it left the band.
      if (Math.abs(encoded.luminance - target) > TOLERANCE) {
        const corrected = exposure * (target / encoded.luminance) ** 0.8
        await page.evaluate((e) => window.drinkPictures.render(e), corrected)
        encoded = await page.evaluate((q) => window.drinkPictures.encode(q), QUALITY)
      }
      if (encoded.width !== SIZE || encoded.height !== SIZE) throw new Error(`${entry.id}: ${encoded.width}x${encoded.height}`)
      const bytes = Buffer.from(encoded.dataUrl.split(',')[1] as string, 'base64')
      const file = `${entry.id}.webp`
      writeFileSync(join(outDir, file), bytes)
      if (previewDir) {
        const png = await page.evaluate(() => window.drinkPictures.png())
        writeFileSync(join(previewDir, `${entry.id}.png`), Buffer.from(png.split(',')[1] as string, 'base64'))
      }
      results.set(entry.id, {
        id: entry.id,
        category: entry.category,
        kind: entry.kind,
        label: entry.label,
        file,
        meanLuminance: Math.round(encoded.luminance * 10000) / 10000,
        bytes: bytes.length,
      })
      const flag = Math.abs(encoded.luminance - target) > TOLERANCE ? '  (outside band!)' : ''
      console.log(
        `${entry.id.padEnd(24)} target ${target.toFixed(3)} got ${encoded.luminance.toFixed(4)} (render ${rendered.toFixed(4)}, exposure ${exposure.toFixed(2)}, ${tries} tries) ${(bytes.length / 1024).toFixed(1)} KB ${((Date.now() - t0) / 1000).toFixed(1)} s${flag}`,
      )
    }

    const stimuli = catalog.map((entry) => results.get(entry.id)).filter((s): s is Stimulus => s !== undefined)
    const manifest: Manifest = {
      set: 'generated-v1',
      description: 'Procedurally rendered drinks (scripts/generateDrinkPictures.ts)',
      license: 'CC0-1.0',
      width: SIZE,
      height: SIZE,
      stimuli,
    }
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
    report(stimuli)

    if (contactSheetPath) {
      const items = stimuli.map((s) => ({
        label: `${s.id} ${s.meanLuminance.toFixed(3)}`,
        dataUrl: `data:image/webp;base64,${readFileSync(join(outDir, s.file)).toString('base64')}`,
      }))
      const png = await page.evaluate((list) => window.drinkPictures.contactSheet(list), items)
      writeFileSync(contactSheetPath, Buffer.from(png.split(',')[1] as string, 'base64'))
      console.log(`contact sheet: ${contactSheetPath}`)
    }
  } finally {
    await browser.close()
  }
  console.log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}

/**
 * Finds the exposure that gives the target luminance. Luminance grows smoothly (but not linearly: tone mapping
 * compresses highlights) with exposure, so a secant step in log space converges in a few renders.
 */
async function calibrate(page: import('@playwright/test').Page, target: number): Promise<{ exposure: number; luminance: number; tries: number }> {
  let exposure = 1
  let luminance = await page.evaluate((e) => window.drinkPictures.render(e), exposure)
  let slope = 1 // d log(luminance) / d log(exposure); about 1 for mid-tones, less where tone mapping saturates
  let tries = 1
  while (Math.abs(luminance - target) > TOLERANCE * 0.6 && tries < 10) {
    const next = Math.min(Math.max(exposure * Math.exp(Math.log(target / luminance) / slope), 0.05), 20)
    const nextLuminance = await page.evaluate((e) => window.drinkPictures.render(e), next)
    tries++
    const measured = Math.log(nextLuminance / luminance) / Math.log(next / exposure)
    if (Number.isFinite(measured) && measured > 0.2) slope = measured
    exposure = next
    luminance = nextLuminance
  }
  return { exposure, luminance, tries }
}

function report(stimuli: Stimulus[]): void {
  const stats = (category: Category) => {
    const values = stimuli.filter((s) => s.category === category).map((s) => s.meanLuminance)
    const mean = values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1)
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(values.length - 1, 1))
    return `${category}: n=${values.length} mean ${mean.toFixed(4)} sd ${sd.toFixed(4)}`
  }
  const total = stimuli.reduce((a, s) => a + s.bytes, 0)
  const hashes = new Set(stimuli.map((s) => createHash('sha256').update(readFileSync(join(outDir, s.file))).digest('hex')))
  console.log(`${stats('alcohol')} | ${stats('soft')} | total ${(total / 1024).toFixed(0)} KB | ${hashes.size} distinct files`)
}

await main()
