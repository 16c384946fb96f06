/**
 * One small builder per picture. Each builder sets the table and light, pours the drink and adds the cues that make
 * it recognisable (foam, a bottle, fruit). Style and framing vary per picture so that neither category has a look.
 */
import * as THREE from 'three'
import type { Rng } from './random.ts'
import { group, place, type DrinkScene } from './scene.ts'
import { bowls, fill, pintGlass, stemmed, bottle, bottleShapes } from './vessels.ts'
import { liquid } from './materials.ts'
import { citrusHalf, foamHead, bubbles, wholeCitrus } from './garnish.ts'
import { tumbler } from './vessels.ts'

type Builder = (rng: Rng) => DrinkScene

const beerPint: Builder = (rng) => {
  const subject = new THREE.Group()
  const pint = pintGlass()
  const beer = fill(pint, 0.8, liquid(0xe8a41c, { glow: 0.35, roughness: 0.05, opacity: 0.9, edgeShade: 0.45 }))
  pint.group.add(foamHead(pint.inner, beer.height, 2.4, rng), bubbles(pint.inner, 70, 1.6, beer.height - 0.2, rng))
  place(subject, pint.group, 0, 0, 4.5)
  return {
    subject,
    stage: { table: { kind: 'oak', a: 0x9a6a3c, b: 0x3a2210 }, wall: { kind: 'bokeh', a: 0x3a2a20, b: 0x6a4a30 }, key: { azimuth: -40 } },
    framing: { elevation: 10, fill: 0.8 },
  }
}

const orangeJuice: Builder = () => {
  const subject = new THREE.Group()
  const glass = tumbler({ radius: 3.6, height: 11, base: 1.2 })
  fill(glass, 0.85, liquid(0xf59a1a, { glow: 0.2, roughness: 0.3 }))
  place(subject, glass.group, 0, 0, 4)
  place(subject, citrusHalf('orange', 3.4), 7.5, 2, 3.5)
  place(subject, wholeCitrus('orange', 3.6), -6.5, -5, 3.8)
  return {
    subject,
    stage: { table: { kind: 'linen', a: 0xe8e0d0 }, wall: { kind: 'window', a: 0xd8d0c0, b: 0xa8b8c0 }, key: { azimuth: 40 } },
    framing: { elevation: 16, fill: 0.82 },
  }
}

const wineRed: Builder = () => {
  const subject = new THREE.Group()
  const wine = stemmed({ bowl: bowls.redWine })
  fill(wine, 0.42, liquid(0x4a0814, { glow: 0.08, roughness: 0.05, edgeShade: 0.4 }))
  place(subject, wine.group, 0, 0, 3)
  const b = bottle(bottleShapes.wine, {
    glass: { tint: 0x1a3020, opacity: 0.88, edgeAlpha: 0.97 },
    label: { design: { base: 0xf0e6d0, accent: 0x7a1020, emblem: 'shield', printLines: 2 }, from: 6, to: 15 },
  })
  const back = group(b.group)
  place(subject, back, -9, -12, 3.8, 0.2)
  return {
    subject,
    frameOn: wine.group,
    stage: { table: { kind: 'walnut', a: 0x4a2e1c, b: 0x1a0e08 }, wall: { kind: 'plain', a: 0x2a2020, b: 0x403030 }, key: { azimuth: 50, color: 0xffe0c0 } },
    framing: { elevation: 12, fill: 0.7 },
  }
}

export const builders: Record<string, Builder> = {
  'alc-beer-pint': beerPint,
  'soft-orange-juice': orangeJuice,
  'alc-wine-red': wineRed,
}
