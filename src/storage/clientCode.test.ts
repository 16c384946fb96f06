import { describe, expect, it } from 'vitest'
import { clientCodePattern, isValidClientCode, normaliseClientCode } from './clientCode.ts'

describe('client codes', () => {
  it.each(['AB12', 'ab12', '1234', 'R2D2', 'PV2026A', 'A1B2C3D4E5F6', '0000'])('accepts %s', (code) => {
    expect(isValidClientCode(code)).toBe(true)
  })

  it.each([
    ['a first name', 'Jan'],
    ['a lower-case name', 'jan'],
    ['a full name with spaces', 'jan de vries'],
    ['a name without digits, long enough', 'Pietersen'],
    ['an e-mail address', 'jan@example.nl'],
    ['an e-mail address with a digit', 'jan1@ex.nl'],
    ['a phone number with a dash', '06-12345678'],
    ['a phone number with a plus', '+31612345678'],
    ['too short (3)', 'AB1'],
    ['too long (13)', 'ABCDEF1234567'],
    ['a space inside', 'AB 12'],
    ['a leading space', ' AB12'],
    ['a trailing newline', 'AB12\n'],
    ['a dash', 'AB-12'],
    ['an underscore', 'AB_12'],
    ['a letter outside ASCII', 'ÄB12'],
    ['a full-width digit', 'AB１２'],
    ['empty', ''],
  ])('rejects %s (%j)', (_why, code) => {
    expect(isValidClientCode(code)).toBe(false)
  })

  it('requires at least one digit anywhere in the code', () => {
    expect(isValidClientCode('ABCD')).toBe(false)
    expect(isValidClientCode('ABCD1')).toBe(true)
    expect(isValidClientCode('1ABCD')).toBe(true)
    expect(isValidClientCode('AB1CD')).toBe(true)
  })

  it('accepts 4 to 12 characters and nothing outside that', () => {
    expect(isValidClientCode('A12')).toBe(false)
    expect(isValidClientCode('A123')).toBe(true)
    expect(isValidClientCode('A12345678901')).toBe(true)
    expect(isValidClientCode('A123456789012')).toBe(false)
  })

  it('normalises by trimming and upper-casing', () => {
    expect(normaliseClientCode('  ab12 ')).toBe('AB12')
    expect(normaliseClientCode('\tr2d2\n')).toBe('R2D2')
    expect(normaliseClientCode('AB12')).toBe('AB12')
  })

  it('does not remove inner spaces while normalising, so a typed name stays invalid', () => {
    expect(normaliseClientCode(' jan de vries 1 ')).toBe('JAN DE VRIES 1')
    expect(isValidClientCode(normaliseClientCode(' jan de vries 1 '))).toBe(false)
  })

  it('makes a code typed with stray spaces and lower case valid, and only in its normal form', () => {
    expect(isValidClientCode(' ab12 ')).toBe(false)
    const code = normaliseClientCode(' ab12 ')
    expect(isValidClientCode(code)).toBe(true)
    expect(normaliseClientCode(code)).toBe(code)
  })

  it('anchors the pattern at both ends', () => {
    expect(clientCodePattern.test('x AB12')).toBe(false)
    expect(clientCodePattern.test('AB12 x')).toBe(false)
  })
})
