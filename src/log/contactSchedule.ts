/**
 * Check-ins in the client's home plan: one after each planned supervision contact, due on the day of the contact.
 * Dates are calendar days (`YYYY-MM-DD`, local), as the contact date the check-in asks for.
 */
export interface PlannedCheckIn {
  /** The contact the check-in is about. */
  contactDate: string
  /** The day the reminder rings: the day of the contact itself (the check-in follows the contact). */
  remindOn: string
}

/** One check-in per planned contact from today on, in date order, each contact once. */
export function plannedCheckIns(contactDates: readonly string[], today: string): PlannedCheckIn[] {
  return [...new Set(contactDates)]
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && d >= today)
    .sort()
    .map((contactDate) => ({ contactDate, remindOn: contactDate }))
}

/**
 * The contact the lobby offers a check-in for: the last planned contact up to today that has no check-in yet
 * (`answered` holds the contact dates the client already answered about). Null when there is none.
 */
export function contactToCheckIn(contactDates: readonly string[], answered: readonly string[], today: string): string | null {
  const past = [...new Set(contactDates)].filter((d) => d <= today).sort()
  const last = past.at(-1)
  return last !== undefined && !answered.includes(last) ? last : null
}
