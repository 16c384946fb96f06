/**
 * The contact a check-in is about when the lobby offered it for a planned contact: its date question then starts at
 * that day instead of today. Held in memory only; a reload falls back to today.
 */
let suggested: string | null = null

export function suggestContactDate(day: string | null): void {
  suggested = day
}

/** The suggested day; the lobby clears it whenever it shows again, so only the check-in it started gets it. */
export function suggestedContactDate(): string | null {
  return suggested
}
