/**
 * Why an imported file was refused, as a code the debrief translates plus the facts that name what and where.
 * Export and import share it, so the encryption envelope and the bundle parser speak one language.
 */
export type FileProblemCode =
  | 'too-big'
  | 'empty'
  | 'not-text'
  | 'not-json'
  | 'not-a-bundle'
  | 'newer-version'
  | 'unknown-version'
  | 'bad-header'
  | 'iterations'
  | 'truncated'
  | 'wrong-passphrase'
  | 'schema'
  | 'bad-event'
  | 'duplicate'
  | 'implausible'
  /** The app's own Psych-DS zip (the research table), dropped where a session file belongs. */
  | 'research-zip'

export class FileProblem extends Error {
  readonly code: FileProblemCode
  readonly facts: Record<string, string | number>
  constructor(code: FileProblemCode, message: string, facts: Record<string, string | number> = {}) {
    super(message)
    this.name = 'FileProblem'
    this.code = code
    this.facts = facts
  }
}
