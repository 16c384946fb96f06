export type DrillCategory = 'alcohol' | 'soft'
/** push = away from the body (picture shrinks, swipe up); pull = towards the body (picture grows, swipe down). */
export type DrillMove = 'push' | 'pull'
export type DrillMode = 'training' | 'assessment'
export type DrillBlock = 'practice' | 'assessment' | 'training'
