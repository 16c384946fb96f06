/**
 * The client's own avatar as data: what the lobby offers (one big tap per option), what a session stores and what an
 * export carries. How a choice looks in 3D (now and years later) is xr/figures/avatarLook.ts.
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
