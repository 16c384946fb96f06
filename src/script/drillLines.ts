/** Lines every drill scene must have: the drill screen shows them by these ids, in the client's language. */
export const drillLineIds = [
  'intro-practice',
  'intro-practice-irrelevant',
  'intro-assessment',
  'intro-assessment-irrelevant',
  'intro-assessment-reversed',
  'intro-training',
  'intro-training-irrelevant',
  'rule-left-push',
  'rule-left-pull',
  'feedback-wrong',
  'feedback-timeout',
  'done',
] as const

export type DrillLineId = (typeof drillLineIds)[number]
