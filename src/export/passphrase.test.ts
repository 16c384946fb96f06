import { describe, expect, it } from 'vitest'
import { makePassphrase, normalisePassphrase, passphraseWordCount } from './passphrase.ts'
import { passphraseWords } from './passphraseWords.ts'

describe('passphrase', () => {
  it('the word list is plain: unique, lower-case letters only, short', () => {
    expect(new Set(passphraseWords).size).toBe(passphraseWords.length)
    expect(passphraseWords.length).toBeGreaterThanOrEqual(400)
    for (const word of passphraseWords) expect(word).toMatch(/^[a-z]{2,10}$/)
  })

  it('six words from the list, different each time, about 50 bits or more', () => {
    const a = makePassphrase()
    expect(a.split(' ')).toHaveLength(passphraseWordCount)
    for (const w of a.split(' ')) expect(passphraseWords).toContain(w)
    expect(makePassphrase()).not.toBe(a)
    expect(passphraseWordCount * Math.log2(passphraseWords.length)).toBeGreaterThan(50)
  })

  it('uses the random source without modulo bias: values in the biased top remainder are drawn again', () => {
    const n = passphraseWords.length
    const limit = Math.floor(2 ** 32 / n) * n
    const values = [2 ** 32 - 1, limit, 5]
    const passphrase = makePassphrase(1, (buffer) => ((buffer[0] = values.shift()!), buffer))
    expect(passphrase).toBe(passphraseWords[5 % n])
  })

  it('what a trainer types is compared by its words', () => {
    expect(normalisePassphrase('  Boom  FIETS-kaas\tmolen ')).toBe('boom fiets kaas molen')
  })
})
