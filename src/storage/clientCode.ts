/**
 * Clients are known only by a pseudonymous code. Requiring a digit keeps people from typing their name,
 * and the alphabet rules out e-mail addresses, phone formats and spaces.
 */
export const clientCodePattern = /^(?=.*[0-9])[A-Za-z0-9]{4,12}$/

export function normaliseClientCode(input: string): string {
  return input.trim().toUpperCase()
}

export function isValidClientCode(code: string): boolean {
  return clientCodePattern.test(code)
}
