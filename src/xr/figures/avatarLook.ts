/** How the client's avatar choices (src/avatar/) look as a figure: the client now, and the future self made from it. */
import { ageBands, clothingColours, hairColours, skinTones, type AvatarChoices } from '../../avatar/avatarChoices.ts'
import type { FigureLook } from './buildFigure.ts'

const heights = { short: 1.66, medium: 1.76, tall: 1.86 }
const bottoms = { casual: '#34495e', sporty: '#2f3337', smart: '#3a3f4b' }
const shoes = { casual: '#5a4634', sporty: '#e5e5e5', smart: '#1f1f1f' }

/** The client as they are now. */
export function presentLook(c: AvatarChoices): FigureLook {
  return {
    height: heights[c.height] - (c.form === 'feminine' ? 0.08 : 0),
    build: c.body,
    form: c.form,
    skin: skinTones[c.skin],
    hair: { style: c.hair, colour: hairColours[c.hairColour] },
    beard: c.form === 'feminine' ? 'none' : c.beard,
    top: clothingColours[c.colour],
    sleeves: c.clothing === 'sporty' ? 'short' : 'long',
    bottom: bottoms[c.clothing],
    shoes: shoes[c.clothing],
    age: ageBands[c.age],
  }
}

/** Which future the client meets: the one where nothing changes, or the one where they changed. */
export type FutureKind = 'unchanged' | 'changed'

function mix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16))
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16))
  return `#${pa.map((v, i) => Math.round(v + (pb[i]! - v) * t).toString(16).padStart(2, '0')).join('')}`
}

/**
 * The same person `years` later. Ageing must be visible even five years on, so it is shown a little ahead of the
 * calendar: greyer hair (more where nothing changed), a thinning crown for a masculine form, face lines from ten
 * years (at once where nothing changed) and the stoop of the real age. Where nothing changed the clothes are the same
 * but worn and faded and the body heavier; where the client changed, the clothes are neat and the colour fresh.
 * Posture (slumped or upright) is the scene's to set, with a pose.
 */
export function futureLook(c: AvatarChoices, years: number, future: FutureKind): FigureLook {
  const now = presentLook(c)
  const age = ageBands[c.age] + years
  const worn = future === 'unchanged'
  const naturalGrey = Math.max(0, (age - 45) / 35)
  const greying = Math.min(1, naturalGrey + 0.25 + years / 40 + (worn ? 0.15 : 0))
  const lines: 0 | 1 | 2 = age >= 62 || (worn && years >= 10) ? 2 : years >= 10 || worn || age >= 50 ? 1 : 0
  const thinning = c.form === 'masculine' && c.hair !== 'bald' ? Math.min(0.8, years / 40 + (worn ? 0.2 : 0)) : 0
  const heavier: Record<AvatarChoices['body'], AvatarChoices['body']> = { slim: 'average', average: 'broad', broad: 'broad' }
  return {
    ...now,
    age,
    build: worn ? heavier[c.body] : c.body,
    hair: { ...now.hair, thinning },
    greying,
    faceLines: lines,
    beard: now.beard === 'none' || !worn ? now.beard : 'full',
    top: worn ? mix(now.top, '#77736c', 0.45) : now.top,
    sleeves: worn ? 'long' : now.sleeves,
    bottom: worn ? mix(now.bottom, '#5b5852', 0.4) : '#2d3440',
    shoes: worn ? '#4a423a' : '#1f1f1f',
  }
}
