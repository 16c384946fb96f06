/** Turns a PDF into page images and page texts with poppler-utils (pdftoppm, pdftotext), to check a printed report. */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export interface PdfPage {
  number: number
  /** Share of pixels that are not (near) white. */
  inked: number
  text: string
}

/** Reads a binary PGM (P5) as written by pdftoppm -gray. */
function inkedShare(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header) throw new Error('not a binary PGM')
  const [whole, w, h] = header
  const pixels = pgm.subarray(whole.length, whole.length + Number(w) * Number(h))
  let inked = 0
  for (const value of pixels) if (value < 200) inked++
  return inked / pixels.length
}

export function pdfPages(pdfFile: string, imageDir: string): PdfPage[] {
  rmSync(imageDir, { recursive: true, force: true })
  mkdirSync(imageDir, { recursive: true })
  // PNGs to look at, and small grey images to measure.
  execFileSync('pdftoppm', ['-png', '-r', '60', pdfFile, join(imageDir, 'page')])
  const grey = join(imageDir, 'grey')
  mkdirSync(grey)
  execFileSync('pdftoppm', ['-gray', '-r', '30', pdfFile, join(grey, 'page')])
  const pgms = readdirSync(grey).filter((f) => f.endsWith('.pgm')).sort()
  const pages = pgms.map((file, i) => ({
    number: i + 1,
    inked: inkedShare(readFileSync(join(grey, file))),
    text: execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', pdfFile, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  }))
  rmSync(grey, { recursive: true, force: true })
  return pages
}
