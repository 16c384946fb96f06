import { passphraseWords } from './passphraseWords.ts'

/** Six words: about 53 bits from the list, shown to the client once, for the trainer to type. */
export const passphraseWordCount = 6

/** Uniform index below n from crypto.getRandomValues, without modulo bias (rejection of the top remainder). */
type FillRandom = (buffer: Uint32Array<ArrayBuffer>) => Uint32Array<ArrayBuffer>

function randomIndex(n: number, random: FillRandom): number {
  const limit = Math.floor(0x1_0000_0000 / n) * n
  const buffer = new Uint32Array(1)
  for (;;) {
    const value = random(buffer)[0]!
    if (value < limit) return value % n
  }
}

export function makePassphrase(words = passphraseWordCount, random: FillRandom = (b) => crypto.getRandomValues(b)): string {
  return Array.from({ length: words }, () => passphraseWords[randomIndex(passphraseWords.length, random)]!).join(' ')
}

/** What a trainer types may differ in case and spacing from what was shown; the words are what count. */
export function normalisePassphrase(typed: string): string {
  return typed.trim().toLowerCase().split(/[\s-]+/).filter(Boolean).join(' ')
}
