import type { FigureLook } from './buildFigure.ts'

/**
 * The client's own avatar, as chosen in the lobby with one big tap per option, and the future self made from it.
 * Every option and its default (`defaultAvatar`):
 * - body: 'slim' | 'average' | 'broad'. Default 'average'.
 * - form: 'masculine' | 'feminine'. Default 'masculine'.
 * - height: 'short' | 'medium' | 'tall' (1.66 / 1.76 / 1.86 m, 8 cm less for a feminine form). Default 'medium'.
 * - skin: one of `skinTones`. Default the third.
 * - hair: 'short' | 'long' | 'ponytail' | 'bald'. Default 'short'.
 * - hairColour: one of `hairColours`. Default 'dark-brown'.
 * - beard: 'none' | 'stubble' | 'full'. Default 'none'.
 * - clothing: 'casual' | 'sporty' | 'smart'. Default 'casual'.
 * - colour: one of `clothingColours` (the top). Default 'blue'.
 * - age: one of `ageBands` (now). Default '25-34'.
 */
export interface AvatarChoices {
  body: 'slim' | 'average' | 'broad'
  form: 'masculine' | 'feminine'
  height: 'short' | 'medium' | 'tall'
  skin: SkinTone
  hair: 'short' | 'long' | 'ponytail' | 'bald'
  hairColour: HairColour
  beard: 'none' | 'stubble' | 'full'
  clothing: 'casual' | 'sporty' | 'smart'
  colour: ClothingColour
  age: AgeBand
}

export const skinTones = { 'tone-1': '#f1d0b5', 'tone-2': '#e0b391', 'tone-3': '#c99a7a', 'tone-4': '#a8734f', 'tone-5': '#7d5036', 'tone-6': '#4f3222' } as const
export type SkinTone = keyof typeof skinTones
export const hairColours = { black: '#1c1a19', 'dark-brown': '#3b2a20', brown: '#6b4a2f', blond: '#b89560', red: '#8e4a24', grey: '#9a9893' } as const
export type HairColour = keyof typeof hairColours
export const clothingColours = { blue: '#3d5a80', green: '#4f7a5a', red: '#9b3d3d', grey: '#6b7280', black: '#2b2b2e', yellow: '#c9a43a' } as const
export type ClothingColour = keyof typeof clothingColours
/** Age bands and the age used for each: exact ages are not needed and not asked. */
export const ageBands = { '18-24': 21, '25-34': 30, '35-44': 40, '45-59': 52, '60+': 63 } as const
export type AgeBand = keyof typeof ageBands

export const defaultAvatar: AvatarChoices = {
  body: 'average',
  form: 'masculine',
  height: 'medium',
  skin: 'tone-3',
  hair: 'short',
  hairColour: 'dark-brown',
  beard: 'none',
  clothing: 'casual',
  colour: 'blue',
  age: '25-34',
}

/** Every option of every choice, in the order the lobby shows them. */
export const avatarOptions: { [K in keyof AvatarChoices]: readonly AvatarChoices[K][] } = {
  body: ['slim', 'average', 'broad'],
  form: ['masculine', 'feminine'],
  height: ['short', 'medium', 'tall'],
  skin: Object.keys(skinTones) as SkinTone[],
  hair: ['short', 'long', 'ponytail', 'bald'],
  hairColour: Object.keys(hairColours) as HairColour[],
  beard: ['none', 'stubble', 'full'],
  clothing: ['casual', 'sporty', 'smart'],
  colour: Object.keys(clothingColours) as ClothingColour[],
  age: Object.keys(ageBands) as AgeBand[],
}

/** Checks stored or imported choices; anything unknown falls back to the default for that option. */
export function readAvatarChoices(value: unknown): AvatarChoices {
  const input = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>
  const out = { ...defaultAvatar } as Record<string, unknown>
  for (const [key, options] of Object.entries(avatarOptions)) if ((options as readonly unknown[]).includes(input[key])) out[key] = input[key]
  return out as unknown as AvatarChoices
}

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
