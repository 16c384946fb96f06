/**
 * One small builder per picture. Each builder pours the drink, adds the cues that make it recognisable (foam, a
 * bottle, fruit) and picks a table, wall, light and framing. Settings are spread over both categories on purpose:
 * dark bars and bright kitchens appear for alcohol and for soft drinks alike, so the setting never gives the answer.
 */
import * as THREE from 'three'
import { between, type Rng } from './random.ts'
import { place, type DrinkScene } from './scene.ts'
import type { StageOptions } from './stage.ts'
import { bowls, cup, fill, highball, jug, pintGlass, saucer, shotGlass, stemmed, tumbler } from './vessels.ts'
import { glossy, liquid, matte, metal, waterSurface } from './materials.ts'
import {
  apple, bubbles, cherry, citrusHalf, citrusWedge, citrusWheel, coaster, foamHead, iceCubes, mintLeaf, mintSprig, olivePick,
  saltRim, straw, strawberry, tomato, wheelOnRim, whippedCream, wholeCitrus,
} from './garnish.ts'
import {
  beerBottle, bottleGlass, champagneBottle, drinksCan, grapes, jeneverJug, juiceCarton, plasticBottle, spiritBottle, squareBottle, teapot, wineBottle,
} from './props.ts'
import { canvasTexture, cremaTexture } from './textures.ts'

type Builder = (rng: Rng) => DrinkScene

// ---------------------------------------------------------------------------------------------------------------
// Sets: table + wall + light combinations, each used by drinks of both categories.

const sets = {
  pub: { table: { kind: 'oak', a: 0xa06a3a, b: 0x3a2210 }, wall: { kind: 'bokeh', a: 0x3a2618, b: 0x5a3a22 }, key: { azimuth: -40, color: 0xffe2b8 } },
  darkWood: { table: { kind: 'walnut', a: 0x5a3620, b: 0x1a0e08 }, wall: { kind: 'panels', a: 0x2a1e18, b: 0x3a2a20 }, key: { azimuth: 55, color: 0xffd8b0 } },
  dinner: { table: { kind: 'linen', a: 0x6a1e22 }, wall: { kind: 'bokeh', a: 0x1e1820, b: 0x2e2430, lights: [0xffd9a0, 0xffc080] }, key: { azimuth: 45, color: 0xffe0c0 } },
  party: { table: { kind: 'linen', a: 0x2a2c36 }, wall: { kind: 'bokeh', a: 0x141826, b: 0x20243a, lights: [0x9ab8ff, 0xffd0f0, 0xfff0c0] }, key: { azimuth: -35, color: 0xe8f0ff } },
  kitchen: { table: { kind: 'painted', a: 0xe8e2d8, b: 0x8a8070 }, wall: { kind: 'window', a: 0xd8d2c4, b: 0x9ab0bc }, key: { azimuth: 40 } },
  marble: { table: { kind: 'marble', a: 0xeeeae4, b: 0x8a8a90, roughness: 0.35 }, wall: { kind: 'plain', a: 0xd6d8d4, b: 0xeceeea }, key: { azimuth: -45 } },
  terrace: { table: { kind: 'stripes', a: 0x4a7aa8, b: 0xf0ece0 }, wall: { kind: 'plain', a: 0xb8d0c8, b: 0xdce8e4 }, key: { azimuth: 30, color: 0xfff2dc } },
  picnic: { table: { kind: 'gingham', a: 0xc83030, b: 0xf6f2ea }, wall: { kind: 'plain', a: 0x9ab890, b: 0xc8dcc0 }, key: { azimuth: -30 } },
  cafe: { table: { kind: 'oak', a: 0xc8965e, b: 0x6a4a2a }, wall: { kind: 'brick', a: 0x8a4a36, b: 0x6a3628 }, key: { azimuth: 45, color: 0xfff0dc } },
  tiles: { table: { kind: 'linen', a: 0xd8cfbf }, wall: { kind: 'tiles', a: 0xe8eef0, b: 0xc0cccc }, key: { azimuth: -40 } },
  sage: { table: { kind: 'linen', a: 0xa8b49a }, wall: { kind: 'plain', a: 0xe0dccc, b: 0xf0ece0 }, key: { azimuth: 35 } },
  navy: { table: { kind: 'linen', a: 0x2e3e5e }, wall: { kind: 'plain', a: 0x8a9aa8, b: 0xb0bcc4 }, key: { azimuth: -50 } },
  gingham: { table: { kind: 'gingham', a: 0x3a68b0, b: 0xf4f2ec }, wall: { kind: 'tiles', a: 0xf0ece4, b: 0xd0c8bc }, key: { azimuth: 40 } },
  slate: { table: { kind: 'slate', a: 0x3e4044 }, wall: { kind: 'brick', a: 0x5a4a44, b: 0x3a3430 }, key: { azimuth: -45, color: 0xffe8d0 } },
  gym: { table: { kind: 'painted', a: 0x8a949c, b: 0x40484e }, wall: { kind: 'plain', a: 0x5a8aa8, b: 0x9ac0d4 }, key: { azimuth: 35 } },
} satisfies Record<string, StageOptions>

// ---------------------------------------------------------------------------------------------------------------
// Liquids.

const drinks = {
  beer: () => liquid(0xeaa21a, { clear: true, glow: 0.6, roughness: 0.05, opacity: 0.92, edgeShade: 0.45 }),
  redWine: () => liquid(0x5a0818, { clear: true, glow: 0.45, roughness: 0.03, edgeShade: 0.35 }),
  whiteWine: () => liquid(0xf2dc7a, { clear: true, glow: 0.6, roughness: 0.03, opacity: 0.6, edgeShade: 0.7 }),
  rose: () => liquid(0xf48a90, { clear: true, glow: 0.65, roughness: 0.03, opacity: 0.75, edgeShade: 0.6 }),
  champagne: () => liquid(0xf2d47a, { clear: true, glow: 0.65, roughness: 0.03, opacity: 0.7, edgeShade: 0.65 }),
  whisky: () => liquid(0x8a3806, { clear: true, glow: 0.5, roughness: 0.03, opacity: 0.92, edgeShade: 0.35 }),
  clearSpirit: () => liquid(0xeef4f6, { glow: 0.05, roughness: 0.03, opacity: 0.25, edgeShade: 0.9 }),
  tonic: () => liquid(0xe4f0f4, { glow: 0.1, roughness: 0.03, opacity: 0.3, edgeShade: 0.9 }),
  water: () => liquid(0xe0f0fa, { glow: 0.3, roughness: 0.02, opacity: 0.14, edgeShade: 0.9 }),
  orangeJuice: () => liquid(0xf59a1a, { glow: 0.25, roughness: 0.3 }),
  appleJuice: () => liquid(0xeab438, { glow: 0.35, roughness: 0.2, opacity: 0.95, edgeShade: 0.6 }),
  cola: () => liquid(0x3a1206, { clear: true, glow: 0.5, roughness: 0.03, edgeShade: 0.5 }),
  milk: () => liquid(0xf8f6f0, { glow: 0.05, roughness: 0.35, edgeShade: 0.85 }),
}

// ---------------------------------------------------------------------------------------------------------------
// Alcohol.

const beerPint: Builder = (rng) => {
  const subject = new THREE.Group()
  const pint = pintGlass()
  const beer = fill(pint, 0.8, drinks.beer())
  pint.group.add(foamHead(pint.inner, beer.height, 2.4, rng), bubbles(pint.inner, 70, 1.6, beer.height - 0.2, rng))
  place(subject, coaster(5.2, 0xe8dcc0, 0xb02a20), 0, 0)
  place(subject, pint.group, 0, 0, 4.5)
  return { subject, stage: sets.pub, framing: { elevation: 6, fill: 0.97 } }
}

const wineRed: Builder = () => {
  const subject = new THREE.Group()
  const wine = stemmed({ bowl: bowls.redWine })
  fill(wine, 0.42, drinks.redWine())
  place(subject, wine.group, 0, 0, 3)
  place(subject, wineBottle({ label: { base: 0xf0e6d0, accent: 0x7a1020, emblem: 'shield', printLines: 2 }, foilColor: 0x6a0a18 }), -9, -12, 3.8, 0.2)
  return { subject, frameOn: wine.group, stage: sets.dinner, framing: { elevation: 12, fill: 0.7, shift: [0.12, 0] } }
}

const beerBottleScene: Builder = () => {
  const subject = new THREE.Group()
  place(subject, beerBottle({ base: 0xf2e4c4, accent: 0xa8201c, detail: 0x2a1a10, emblem: 'wheat', printLines: 2, border: 0xa8201c, coverage: 0.5 }), 0, 0, 3.6)
  return { subject, stage: sets.cafe, framing: { elevation: 6, fill: 0.86, azimuth: 10 } }
}

const wineWhite: Builder = () => {
  const subject = new THREE.Group()
  const wine = stemmed({ bowl: bowls.whiteWine, stem: 8.5 })
  fill(wine, 0.5, drinks.whiteWine())
  place(subject, wine.group, 3, 2, 3)
  place(subject, wineBottle({
    glass: bottleGlass.lightGreen,
    label: { base: 0xf6f2e6, accent: 0xc8a040, emblem: 'grapes', detail: 0x6a6a50, printLines: 2 },
    foilColor: 0xd8c890,
    contents: { color: 0xf0dc80, level: 22, options: { clear: true, opacity: 0.65, glow: 0.55 } },
  }), -6, -6, 3.8)
  return { subject, stage: sets.marble, framing: { elevation: 14, fill: 0.82, azimuth: -8 } }
}

const champagneFlutes: Builder = (rng) => {
  const subject = new THREE.Group()
  for (const [x, z, turn] of [[-2.6, 1, 0], [2.8, -1.5, 0.4]] as const) {
    const flute = stemmed({ foot: 3.1, stem: 7.5, bowl: bowls.flute })
    const wine = fill(flute, 0.8, drinks.champagne())
    flute.group.add(bubbles(flute.inner, 60, flute.inner[0]?.y ?? 9, wine.height - 0.2, rng, 0.08))
    place(subject, flute.group, x, z, 2.4, turn)
  }
  place(subject, champagneBottle({ base: 0xf4ecd8, accent: 0xc8a040, emblem: 'star', printLines: 1, detail: 0x3a3020 }), -10, -10, 4.5)
  return { subject, stage: sets.party, framing: { elevation: 8, fill: 0.94 } }
}

const whiskyTumbler: Builder = (rng) => {
  const subject = new THREE.Group()
  const glassShape = tumbler({ radius: 4.3, height: 8.5, base: 2.0 })
  const whisky = fill(glassShape, 0.45, drinks.whisky())
  glassShape.group.add(iceCubes(1, 3.2, 0.1, whisky.height - 1.0, whisky.height - 1.0, rng))
  place(subject, glassShape.group, 2.5, 3, 4.5)
  place(subject, squareBottle({
    contents: { color: 0x7a3206, level: 0.7, options: { clear: true, glow: 0.45, opacity: 0.95, edgeShade: 0.35 } },
    label: { base: 0x1a1a1a, accent: 0xc8a040, detail: 0xc8a040, emblem: 'diamond', printLines: 2, border: 0xc8a040 },
    height: 19, width: 8.5,
  }), -6, -7, 5.5, 0.35)
  return { subject, stage: sets.darkWood, framing: { elevation: 26, fill: 0.86 } }
}

const vodkaBottle: Builder = () => {
  const subject = new THREE.Group()
  place(subject, spiritBottle({
    shape: 'vodka', contents: { color: 0xeef4f6, level: 0.85, options: { opacity: 0.2, glow: 0.02 } },
    label: { base: 0xf4f4f0, accent: 0xc81e28, detail: 0x9a9aa0, emblem: 'star', printLines: 2, stripes: [[0.12, 0.08, 0xc81e28]], coverage: 0.45 },
    labelFrom: 6, labelTo: 15, cap: { color: 0xb8bcc0, height: 2.6 },
  }), 0, 0, 4)
  const shot = shotGlass()
  fill(shot, 0.8, drinks.clearSpirit())
  place(subject, shot.group, 6.5, 4, 2.4)
  return { subject, stage: sets.navy, framing: { elevation: 10, fill: 0.86, azimuth: -8 } }
}

const ginTonic: Builder = (rng) => {
  const subject = new THREE.Group()
  const copa = stemmed({ foot: 4, stem: 6.5, bowl: bowls.copa, wall: 0.14 })
  const gin = fill(copa, 0.62, drinks.tonic())
  const bottom = copa.inner[0]?.y ?? 7
  copa.group.add(
    iceCubes(5, 2.6, 4.6, bottom + 2, gin.height - 0.6, rng),
    bubbles(copa.inner, 60, bottom + 0.5, gin.height - 0.2, rng, 0.09),
  )
  const lime = citrusWheel('lime', 2.0, 0.35)
  lime.rotation.set(Math.PI / 2 - 0.2, 0, 0.3)
  lime.position.set(-0.8, gin.height - 1.6, 2.2)
  const cucumber = citrusWheel('cucumber', 1.5, 0.3)
  cucumber.rotation.set(Math.PI / 2 - 0.5, 0, -0.4)
  cucumber.position.set(1.8, gin.height - 1.0, 1.6)
  copa.group.add(lime, cucumber)
  place(subject, copa.group, 0, 0, 4)
  for (let i = 0; i < 5; i++) {
    const berry = new THREE.Mesh(new THREE.SphereGeometry(0.45, 12, 8), glossy(0x2a2a4a, 0.5))
    berry.position.y = 0.45
    place(subject, berry, 6 + between(rng, -1.5, 1.5), 4 + between(rng, -1.5, 1.5))
  }
  place(subject, spiritBottle({
    shape: 'tonic', glass: bottleGlass.clear, contents: { color: 0xe4f0f4, level: 0.85, options: { opacity: 0.25 } },
    label: { base: 0xf4f0e4, accent: 0x2a6ab0, emblem: 'circle', coverage: 0.5 }, cap: { color: 0x2a6ab0, height: 1.2 },
  }), -8, -9, 3)
  return { subject, frameOn: copa.group, stage: sets.tiles, framing: { elevation: 14, fill: 0.74 } }
}

const martini: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = stemmed({ foot: 3.8, stem: 9, bowl: bowls.martini, wall: 0.1 })
  const drink = fill(glassShape, 0.8, liquid(0xeeeed0, { opacity: 0.35, glow: 0.1, edgeShade: 0.9 }))
  const pick = olivePick(9)
  pick.rotation.z = -0.55
  pick.position.set(-1.4, drink.height - 4.2, 0.3)
  glassShape.group.add(pick)
  place(subject, glassShape.group, 0, 0, 3.6)
  return { subject, stage: sets.party, framing: { elevation: 4, fill: 0.97, azimuth: 10 } }
}

const margarita: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = stemmed({ foot: 3.8, stem: 7, bowl: bowls.margarita, wall: 0.1 })
  fill(glassShape, 0.72, liquid(0xd8e890, { opacity: 0.85, glow: 0.25, roughness: 0.3, edgeShade: 0.7 }))
  glassShape.group.add(saltRim(6.3, glassShape.height))
  const wedge = citrusWedge('lime', 2.2)
  wedge.rotation.set(0, Math.PI * 0.1, Math.PI / 2)
  wedge.position.set(4.6, glassShape.height - 0.6, 3.2)
  glassShape.group.add(wedge)
  place(subject, glassShape.group, 0, 0, 3.6)
  place(subject, wholeCitrus('lime', 2.2), 8, 5, 2.5)
  const half = citrusHalf('lime', 2.3)
  place(subject, half, -8, 4, 2.4)
  return { subject, stage: sets.terrace, framing: { elevation: 26, fill: 0.8 } }
}

const ciderBottle: Builder = () => {
  const subject = new THREE.Group()
  place(subject, beerBottle({ base: 0xf4ead0, accent: 0xc82a1e, detail: 0x3a5a1e, emblem: 'apple', printLines: 1, coverage: 0.55, stripes: [[0.08, 0.1, 0x3a6a1e]] }, 'stubby', bottleGlass.green, 0x3a6a1e), 0, 0, 3.6)
  const fruit = apple(0x8ac83a, 3.2)
  place(subject, fruit, 6.5, 4, 3.3, 0.8)
  return { subject, stage: sets.sage, framing: { elevation: 8, fill: 0.64, azimuth: 12 } }
}

const ciderGlass: Builder = (rng) => {
  const subject = new THREE.Group()
  const chalice = stemmed({ foot: 3.6, stem: 4, bowl: bowls.chalice, wall: 0.14 })
  const cider = fill(chalice, 0.82, liquid(0xf2b632, { clear: true, glow: 0.6, roughness: 0.03, opacity: 0.88, edgeShade: 0.5 }))
  chalice.group.add(foamHead(chalice.inner, cider.height, 0.9, rng, 0xfbf4dc), bubbles(chalice.inner, 60, 5, cider.height - 0.2, rng))
  place(subject, chalice.group, 0, 0, 3.6)
  place(subject, beerBottle({ base: 0xf4ead0, accent: 0xc82a1e, detail: 0x3a5a1e, emblem: 'apple', coverage: 0.55 }, 'stubby', bottleGlass.green, 0x3a6a1e), -7, -8, 3.6)
  place(subject, apple(0xc8301e, 3.2), 7.5, 3, 3.3)
  return { subject, frameOn: chalice.group, stage: sets.picnic, framing: { elevation: 12, fill: 0.68 } }
}

const beerCan: Builder = (rng) => {
  const subject = new THREE.Group()
  place(subject, drinksCan({ base: 0xd8a828, accent: 0x1e3a1e, detail: 0xf4ecd0, emblem: 'wheat', stripes: [[0.15, 0.12, 0x1e3a1e]] }), -3.2, -2, 3.6, -0.15)
  const pint = pintGlass({ nonic: false })
  const beer = fill(pint, 0.78, drinks.beer())
  pint.group.add(foamHead(pint.inner, beer.height, 2.0, rng), bubbles(pint.inner, 60, 1.6, beer.height - 0.2, rng))
  place(subject, pint.group, 4.5, 2.5, 4.2)
  return { subject, stage: sets.slate, framing: { elevation: 10, fill: 0.84 } }
}

const liqueur: Builder = () => {
  const subject = new THREE.Group()
  const small = stemmed({ foot: 2.4, stem: 5, bowl: bowls.liqueur, wall: 0.1 })
  fill(small, 0.8, liquid(0xa0101e, { clear: true, glow: 0.5, roughness: 0.03, edgeShade: 0.4 }))
  place(subject, small.group, 4, 3, 2.4)
  place(subject, spiritBottle({
    shape: 'liqueur', contents: { color: 0x9a0e1e, level: 12, options: { clear: true, glow: 0.45, edgeShade: 0.35 } },
    label: { base: 0xf4eee0, accent: 0xa0101e, emblem: 'cherry', printLines: 1, coverage: 0.45, border: 0xc8a040 }, labelFrom: 3, labelTo: 8.5,
    cap: { color: 0xc8a040, height: 2 },
  }), -3.5, -2, 5)
  for (const [x, z] of [[8.5, 0], [9.5, 1.8]] as const) {
    const c = cherry()
    c.position.y = 0.9
    place(subject, c, x, z, 1)
  }
  return { subject, stage: sets.cafe, framing: { elevation: 12, fill: 0.66 } }
}

const wineBottleScene: Builder = () => {
  const subject = new THREE.Group()
  place(subject, wineBottle({ label: { base: 0xe8dcc4, accent: 0x5a0a1a, detail: 0x3a2a20, emblem: 'grapes', printLines: 2, border: 0x5a0a1a }, foilColor: 0x5a0a1a }), 0, 0, 4)
  place(subject, grapes(0x3a1838), 4, 5, 0)
  const cork = new THREE.Mesh(new THREE.CylinderGeometry(1, 1, 4.4, 20), matte(0xc09a6a, 0.9))
  cork.rotation.set(0, 0.4, Math.PI / 2)
  cork.position.y = 1
  place(subject, cork, -5.5, 5, 1.5)
  return { subject, stage: sets.darkWood, framing: { elevation: 10, fill: 0.68, azimuth: -10 } }
}

const port: Builder = () => {
  const subject = new THREE.Group()
  const small = stemmed({ foot: 3, stem: 6, bowl: bowls.port, wall: 0.1 })
  fill(small, 0.62, liquid(0x4e0c08, { clear: true, glow: 0.4, roughness: 0.03, edgeShade: 0.3 }))
  place(subject, small.group, 3.5, 3, 3)
  place(subject, wineBottle({ shape: 'port', glass: { tint: 0x120a06, opacity: 0.92, edgeAlpha: 0.98 }, label: { base: 0x1a1a1a, accent: 0xd8c08a, detail: 0xd8c08a, emblem: 'shield', printLines: 2, border: 0xd8c08a }, foilColor: 0x1a1a1a }), -4, -3, 4)
  return { subject, stage: sets.dinner, framing: { elevation: 10, fill: 0.84, azimuth: 6 } }
}

const mojito: Builder = (rng) => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.4, height: 14 })
  const drink = fill(glassShape, 0.85, liquid(0xe4f2d0, { opacity: 0.3, glow: 0.1, edgeShade: 0.9 }))
  glassShape.group.add(iceCubes(7, 2.0, 3.2, 2.5, drink.height - 0.3, rng))
  for (let i = 0; i < 6; i++) {
    const leaf = mintLeaf(between(rng, 2, 2.8))
    const a = between(rng, -1.2, 1.2)
    leaf.position.set(Math.sin(a) * 2.4, between(rng, 2, drink.height - 2), Math.cos(a) * 2.4)
    leaf.rotation.set(between(rng, -0.6, 0.6), a, between(rng, -2, 2))
    glassShape.group.add(leaf)
  }
  for (let i = 0; i < 2; i++) {
    const wedge = citrusWedge('lime', 1.8)
    wedge.position.set(i ? 1.2 : -1.1, 2.2 + i * 1.8, 1.4)
    wedge.rotation.set(0.4, i * 2, 0.3)
    glassShape.group.add(wedge)
  }
  const sprig = mintSprig(2.6, rng)
  sprig.position.set(0.6, drink.height + 0.4, 0)
  const s = straw(17, 0x2a8a3a, 0xffffff)
  s.position.set(-1.6, 1.5, -0.6)
  s.rotation.z = -0.22
  glassShape.group.add(sprig, s)
  place(subject, glassShape.group, 0, 0, 4)
  place(subject, wholeCitrus('lime', 2.2), 6.5, 4, 2.5)
  return { subject, stage: sets.kitchen, framing: { elevation: 12, fill: 0.84, azimuth: -6 } }
}

const shots: Builder = (rng) => {
  const subject = new THREE.Group()
  const front = new THREE.Group()
  for (const [i, x] of [-5, 0, 5].entries()) {
    const shot = shotGlass()
    fill(shot, 0.82, liquid(0xe8b458, { clear: true, opacity: 0.8, glow: 0.6, edgeShade: 0.55 }))
    place(front, shot.group, x, i === 1 ? 1.5 : 0, 2.5)
  }
  const lime = citrusWedge('lime', 2.6)
  lime.rotation.set(Math.PI / 2, 0, 0)
  lime.position.y = 1.2
  place(front, lime, 8.5, 4, 2, between(rng, 0, 1))
  subject.add(front)
  place(subject, spiritBottle({
    shape: 'vodka', contents: { color: 0xe0a850, level: 0.8, options: { clear: true, opacity: 0.85, glow: 0.55 } },
    label: { base: 0xe8d8b0, accent: 0x2a6a3a, emblem: 'star', detail: 0xc83020, printLines: 2, coverage: 0.45, border: 0x2a6a3a }, labelFrom: 6, labelTo: 15,
    cap: { color: 0x1a1a1a, height: 2.4 },
  }), -10, -9, 4, 0.3)
  return { subject, stage: sets.pub, framing: { elevation: 14, fill: 0.9 } }
}

const jenever: Builder = () => {
  const subject = new THREE.Group()
  const tulip = stemmed({ foot: 2.8, stem: 3.5, bowl: bowls.jenever, wall: 0.1 })
  // Jenever is poured to the brim: the tiny stemmed glass full to the top is the Dutch image of it.
  // Old jenever has a faint straw colour, which also lets the full glass show.
  fill(tulip, 0.97, liquid(0xf4e4a0, { clear: true, opacity: 0.4, glow: 0.55, edgeShade: 0.8 }))
  tulip.group.scale.setScalar(1.3)
  place(subject, tulip.group, 4.5, 5, 3.2)
  place(subject, jeneverJug({ base: 0xf4ecd8, accent: 0x1e2a5a, emblem: 'shield', printLines: 2, coverage: 0.4, border: 0x1e2a5a }), -3.5, -2, 4.5)
  return { subject, stage: sets.cafe, framing: { elevation: 12, fill: 0.84, azimuth: 8 } }
}

const wineRose: Builder = () => {
  const subject = new THREE.Group()
  const wine = stemmed({ bowl: bowls.whiteWine, stem: 8 })
  fill(wine, 0.5, drinks.rose())
  place(subject, wine.group, 3.5, 3, 3)
  place(subject, wineBottle({
    glass: bottleGlass.clear,
    label: { base: 0xf8f4ee, accent: 0xe08a90, emblem: 'circle', printLines: 2, coverage: 0.4 },
    foilColor: 0xe8c8c8,
    contents: { color: 0xf48a90, level: 23, options: { clear: true, opacity: 0.78, glow: 0.6 } },
  }), -5, -5, 3.8)
  return { subject, stage: sets.terrace, framing: { elevation: 12, fill: 0.84, azimuth: -12 } }
}

// ---------------------------------------------------------------------------------------------------------------
// Soft drinks.

const orangeJuice: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = tumbler({ radius: 3.6, height: 11, base: 1.2 })
  fill(glassShape, 0.85, drinks.orangeJuice())
  place(subject, glassShape.group, 0, 0, 4)
  place(subject, citrusHalf('orange', 3.4), 7.5, 2, 3.5)
  place(subject, wholeCitrus('orange', 3.6), -6.5, -5, 3.8)
  return { subject, stage: sets.kitchen, framing: { elevation: 16, fill: 0.82 } }
}

const coffeeCup: Builder = (rng) => {
  const subject = new THREE.Group()
  const c = cup({ radius: 4.0, height: 6.5, flare: 1.12 })
  fill(c, 0.86, liquid(0x4a2410, { glow: 0.02 }), glossy(0xffffff, 0.3, cremaTexture('#a8683a', '#f4e6d0', true)))
  c.group.position.y = 0.55
  const front = new THREE.Group()
  place(front, saucer(7.2), 0, 0, 6)
  place(front, c.group, 0, 0, 0, -0.5)
  subject.add(front)
  const spoon = new THREE.Group()
  const bowl = new THREE.Mesh(new THREE.SphereGeometry(0.8, 16, 8), metal(0xd8d8d8, 0.2))
  bowl.scale.set(1, 0.25, 1.5)
  const handle = new THREE.Mesh(new THREE.BoxGeometry(0.4, 0.12, 7), metal(0xd8d8d8, 0.2))
  handle.position.z = 4
  spoon.add(bowl, handle)
  spoon.rotation.y = 1.1
  spoon.position.set(0, 1.2, 0)
  place(subject, spoon, 4.2, 3.2)
  for (let i = 0; i < 6; i++) {
    const bean = new THREE.Mesh(new THREE.SphereGeometry(0.6, 12, 8), glossy(0x3a1e0e, 0.4))
    bean.scale.set(1, 0.6, 1.4)
    bean.rotation.y = rng() * Math.PI
    bean.position.y = 0.35
    place(subject, bean, -9 + between(rng, -2, 2), 4 + between(rng, -2, 2))
  }
  return { subject, frameOn: front, stage: sets.slate, framing: { elevation: 42, fill: 0.84, azimuth: 8 } }
}

const waterGlass: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = tumbler({ radius: 3.8, height: 11, base: 1.0 })
  fill(glassShape, 0.8, drinks.water(), waterSurface())
  place(subject, glassShape.group, 2.5, 2.5, 4)
  const carafe = jug({ glass: { opacity: 0.14 } })
  fill(carafe, 0.7, drinks.water(), waterSurface())
  place(subject, carafe.group, -6.5, -7, 5.5, 0.6)
  return { subject, stage: sets.kitchen, framing: { elevation: 14, fill: 0.84 } }
}

const colaCan: Builder = () => {
  const subject = new THREE.Group()
  place(subject, drinksCan({ base: 0xc8141e, accent: 0xffffff, detail: 0xffffff, emblem: 'wave', stripes: [] }), 0, 0, 3.6, 0.3)
  return { subject, stage: sets.marble, framing: { elevation: 12, fill: 0.58, azimuth: 0 } }
}

const colaGlass: Builder = (rng) => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.2, height: 14.5 })
  const cola = fill(glassShape, 0.84, drinks.cola())
  glassShape.group.add(
    iceCubes(4, 2.2, 3.0, cola.height - 3.5, cola.height - 0.6, rng),
    foamHead(glassShape.inner, cola.height, 0.35, rng, 0xc8a070),
    bubbles(glassShape.inner, 40, 1.5, cola.height - 0.2, rng, 0.07),
    wheelOnRim('lemon', 2.4, 3.1, glassShape.height, -0.9),
  )
  const s = straw(18, 0xd82020, 0xffffff)
  s.position.set(1.2, 1.2, -0.8)
  s.rotation.z = 0.2
  glassShape.group.add(s)
  place(subject, coaster(4.8, 0x2a2a2a, 0xc8141e), 0, 0)
  place(subject, glassShape.group, 0, 0, 4)
  return { subject, stage: sets.dinner, framing: { elevation: 10, fill: 0.82 } }
}

const milkGlass: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.3, height: 13 })
  fill(glassShape, 0.86, drinks.milk())
  place(subject, glassShape.group, 3, 3, 4)
  place(subject, spiritBottle({ shape: 'milk', contents: { color: 0xf8f6f0, level: 15, options: { glow: 0.05 } }, cap: { color: 0x3a7ac8, height: 1.2, kind: 'plastic' } }), -5, -4, 4.5)
  for (const [x, z] of [[8.5, 1], [7.5, 5.5]] as const) {
    const cookie = new THREE.Mesh(new THREE.CylinderGeometry(2.6, 2.6, 0.7, 32), matte(0xc8924e, 0.9, chipTexture()))
    cookie.position.y = 0.35
    place(subject, cookie, x, z, 2.6)
  }
  return { subject, stage: sets.gingham, framing: { elevation: 14, fill: 0.66 } }
}

/** Chocolate chips on a biscuit. */
function chipTexture(): THREE.CanvasTexture {
  return canvasTexture(128, 128, (ctx, w, h) => {
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = '#4a2a14'
    for (const [x, y] of [[30, 40], [80, 30], [60, 70], [95, 85], [35, 95], [70, 105]] as const) {
      ctx.beginPath()
      ctx.arc(x, y, 7, 0, Math.PI * 2)
      ctx.fill()
    }
  })
}

const appleJuice: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = tumbler({ radius: 3.7, height: 10, base: 1.2 })
  fill(glassShape, 0.84, drinks.appleJuice())
  place(subject, glassShape.group, 0, 0, 4)
  place(subject, apple(0x9ac83a), 7, 1, 3.8, 0.5)
  place(subject, apple(0xc8301e, 3.6), -6.5, -4, 3.6, 2)
  return { subject, stage: sets.picnic, framing: { elevation: 14, fill: 0.84 } }
}

const teaCup: Builder = (rng) => {
  const subject = new THREE.Group()
  const c = cup({ radius: 4.4, height: 5.8, flare: 1.2, color: 0xf6f2ea })
  const tea = fill(c, 0.84, liquid(0x9a420c, { clear: true, glow: 0.5, roughness: 0.03, opacity: 0.92, edgeShade: 0.45 }))
  // The tea bag's string and paper tag hanging over the rim.
  const string = new THREE.Mesh(new THREE.CylinderGeometry(0.03, 0.03, 6.5, 4), matte(0xf4f0e8))
  string.position.set(-0.8, tea.height + 0.5, 4.5)
  string.rotation.x = 0.5
  const tag = new THREE.Mesh(new THREE.BoxGeometry(1.6, 2, 0.05), matte(0x3a8a4a, 0.8))
  tag.position.set(-0.8, 1.6, 5.6)
  c.group.add(string, tag)
  c.group.position.y = 0.55
  const front = new THREE.Group()
  place(front, saucer(7.5), 0, 0, 6)
  place(front, c.group, 0, 0, 0, 0.4)
  const lemon = citrusWheel('lemon', 1.8, 0.3)
  lemon.position.set(0, 1.0, 0)
  lemon.rotation.x = 0.15
  place(front, lemon, -5.2, 3)
  subject.add(front)
  // A teapot further back, partly out of frame: says 'tea' even before the tag is noticed.
  place(subject, teapot(0xe8e0d0, 6), -9, -16, 8, between(rng, 0.3, 0.8))
  return { subject, frameOn: front, stage: sets.darkWood, framing: { elevation: 20, fill: 0.8, shift: [0.05, -0.1] } }
}

const lemonade: Builder = (rng) => {
  const subject = new THREE.Group()
  const pitcher = jug()
  const drink = fill(pitcher, 0.78, liquid(0xf6ec9a, { opacity: 0.75, glow: 0.25, roughness: 0.1, edgeShade: 0.8 }))
  for (let i = 0; i < 3; i++) {
    const wheel = citrusWheel('lemon', 2.2, 0.35)
    wheel.rotation.set(Math.PI / 2 + between(rng, -0.4, 0.4), between(rng, -0.5, 0.5), 0)
    wheel.position.set(between(rng, -1.5, 1.5), drink.height - 2 - i * 3.5, 2.3)
    pitcher.group.add(wheel)
  }
  place(subject, pitcher.group, -5, -4, 5.5, -0.5)
  const glassShape = highball({ radius: 3, height: 12 })
  const g = fill(glassShape, 0.82, liquid(0xf6ec9a, { opacity: 0.75, glow: 0.25, roughness: 0.1, edgeShade: 0.8 }))
  glassShape.group.add(wheelOnRim('lemon', 2.2, 2.9, glassShape.height, 0.7), iceCubes(3, 1.9, 2.8, g.height - 3, g.height - 0.5, rng))
  const s = straw(15, 0xf2c81e, 0xffffff)
  s.position.set(-1, 1, -0.5)
  s.rotation.z = -0.2
  glassShape.group.add(s)
  place(subject, glassShape.group, 4, 3, 3.6)
  place(subject, wholeCitrus('lemon', 2.5), 9.5, -2, 3)
  return { subject, stage: sets.terrace, framing: { elevation: 12, fill: 0.86 } }
}

const icedTea: Builder = (rng) => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.3, height: 15 })
  const tea = fill(glassShape, 0.84, liquid(0xb05a18, { clear: true, opacity: 0.88, glow: 0.55, roughness: 0.03, edgeShade: 0.45 }))
  glassShape.group.add(
    iceCubes(6, 2.2, 3.1, 2, tea.height - 0.5, rng),
    wheelOnRim('lemon', 2.4, 3.2, glassShape.height, 0.8),
  )
  const sprig = mintSprig(2.2, rng)
  sprig.position.set(-0.8, tea.height + 0.3, 0)
  const s = straw(19, 0xffffff, 0x3a9a4a)
  s.position.set(1.0, 1.5, -0.8)
  s.rotation.z = 0.18
  glassShape.group.add(sprig, s)
  place(subject, glassShape.group, 0, 0, 4)
  place(subject, citrusHalf('lemon', 2.4), 6.5, 3, 2.6)
  return { subject, stage: sets.cafe, framing: { elevation: 10, fill: 0.82 } }
}

const smoothie: Builder = (rng) => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.6, height: 13 })
  const drink = fill(glassShape, 0.88, liquid(0xd0406a, { glow: 0.1, roughness: 0.6, edgeShade: 0.7 }), matte(0xe07090, 0.8))
  const s = straw(17, 0xffffff, 0xd0406a, 0.4)
  s.position.set(1.1, 1.5, -0.5)
  s.rotation.z = 0.2
  const top = strawberry(2.0)
  top.position.set(-1.2, drink.height - 0.5, 0.8)
  top.rotation.set(0.4, 0, 0.5)
  glassShape.group.add(s, top)
  place(subject, glassShape.group, 0, 0, 4.2)
  for (const [x, z, turn] of [[6.5, 3, 0.5], [8.5, -1, 2], [-6.5, 4, 1]] as const) {
    const berry = strawberry(2.2)
    berry.rotation.z = Math.PI / 2
    berry.position.y = 1.6
    place(subject, berry, x, z, 2, turn)
  }
  for (let i = 0; i < 6; i++) {
    const blueberry = new THREE.Mesh(new THREE.SphereGeometry(0.6, 14, 10), glossy(0x2a2a5a, 0.5))
    blueberry.position.y = 0.6
    place(subject, blueberry, -7 + between(rng, -1.5, 1.5), -1 + between(rng, -1.5, 1.5))
  }
  return { subject, stage: sets.navy, framing: { elevation: 6, fill: 0.96 } }
}

const hotChocolate: Builder = (rng) => {
  const subject = new THREE.Group()
  const mug = cup({ radius: 4.4, height: 9, flare: 1.0, color: 0xb8342a })
  const drink = fill(mug, 0.88, liquid(0x5a2e18, { glow: 0.02, roughness: 0.3 }))
  const cream = whippedCream(2.6, rng)
  cream.position.y = drink.height + 0.4
  mug.group.add(cream)
  place(subject, mug.group, 0, 0, 5, -0.6)
  for (let i = 0; i < 4; i++) {
    const marshmallow = new THREE.Mesh(new THREE.CylinderGeometry(0.9, 0.9, 1.3, 20), matte(i % 2 ? 0xf8d8e0 : 0xfaf6f0, 0.9))
    marshmallow.position.y = 0.65
    marshmallow.rotation.y = rng()
    place(subject, marshmallow, 6.5 + between(rng, -1.5, 1.5), 4 + between(rng, -1.5, 1.5), 1.2)
  }
  return { subject, stage: sets.pub, framing: { elevation: 22, fill: 0.95, azimuth: -8 } }
}

const sparklingWater: Builder = (rng) => {
  const subject = new THREE.Group()
  const glassShape = tumbler({ radius: 3.8, height: 11, base: 1.1 })
  const water = fill(glassShape, 0.8, drinks.water(), waterSurface())
  glassShape.group.add(bubbles(glassShape.inner, 140, 1.4, water.height - 0.15, rng, 0.1))
  place(subject, glassShape.group, 3, 3, 4)
  place(subject, plasticBottle({
    label: { base: 0xc8202a, accent: 0xffffff, detail: 0xffffff, emblem: 'drop', coverage: 0.75, stripes: [[0.15, 0.1, 0xffffff]] },
    capColor: 0xc8202a, contents: { color: 0xd8ecf4, level: 0.85, options: { opacity: 0.25 } }, height: 23,
  }), -4.5, -4.5, 3.8)
  return { subject, stage: sets.tiles, framing: { elevation: 12, fill: 0.84 } }
}

const sportsDrink: Builder = () => {
  const subject = new THREE.Group()
  place(subject, plasticBottle({
    label: { base: 0x1a2a4a, accent: 0x2ad0f0, detail: 0xffffff, emblem: 'swoosh', coverage: 0.8, stripes: [[0.85, 0.06, 0x2ad0f0]] },
    capColor: 0x2a2a2a, contents: { color: 0x30a8f0, level: 0.86, options: { clear: true, opacity: 0.8, glow: 0.6, edgeShade: 0.5 } }, radius: 3.5, height: 20, sportCap: true,
  }), 0, 0, 3.8, -0.2)
  return { subject, stage: sets.gym, framing: { elevation: 8, fill: 0.97, azimuth: 12 } }
}

const sodaBottle: Builder = (rng) => {
  const subject = new THREE.Group()
  place(subject, plasticBottle({
    label: { base: 0x1e4aa8, accent: 0xf5901a, detail: 0xffc050, emblem: 'orange', coverage: 1, stripes: [[0.1, 0.12, 0x2aa040]] },
    capColor: 0x2aa040, contents: { color: 0xf57a10, level: 0.85, options: { clear: true, opacity: 0.88, glow: 0.6, edgeShade: 0.5 } }, height: 24,
  }), -3.5, -2, 3.8, 0.2)
  const glassShape = tumbler({ radius: 3.4, height: 10, base: 1.1 })
  const soda = fill(glassShape, 0.8, liquid(0xf57a10, { clear: true, opacity: 0.88, glow: 0.6, edgeShade: 0.5 }))
  glassShape.group.add(bubbles(glassShape.inner, 60, 1.4, soda.height - 0.2, rng), iceCubes(3, 2.0, 3.2, soda.height - 2.5, soda.height - 0.5, rng))
  place(subject, glassShape.group, 4.5, 3.5, 3.8)
  return { subject, stage: sets.picnic, framing: { elevation: 10, fill: 0.86 } }
}

const tomatoJuice: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.3, height: 13 })
  fill(glassShape, 0.86, liquid(0xb81e14, { glow: 0.12, roughness: 0.35, edgeShade: 0.6 }))
  place(subject, glassShape.group, 0, 0, 4)
  place(subject, tomato(3), 7, 2, 3.2)
  place(subject, tomato(2.4), -6, 3.5, 2.6, 1)
  return { subject, stage: sets.sage, framing: { elevation: 28, fill: 0.84, azimuth: -10 } }
}

const juiceCartonScene: Builder = () => {
  const subject = new THREE.Group()
  place(subject, juiceCarton(0x3aa040, 0xf2c01e, 'fruits'), -4, -2, 5, 0.35)
  const glassShape = tumbler({ radius: 3.5, height: 10, base: 1.1 })
  fill(glassShape, 0.82, liquid(0xf08a2a, { glow: 0.25, roughness: 0.3 }))
  place(subject, glassShape.group, 5, 3, 4)
  return { subject, stage: sets.kitchen, framing: { elevation: 12, fill: 0.66, azimuth: -6 } }
}

const chocolateMilk: Builder = () => {
  const subject = new THREE.Group()
  const glassShape = highball({ radius: 3.3, height: 13 })
  fill(glassShape, 0.84, liquid(0x8a5230, { glow: 0.05, roughness: 0.35, edgeShade: 0.7 }))
  const s = straw(16, 0xffffff, 0x6a3a1a)
  s.position.set(-1, 1.5, -0.5)
  s.rotation.z = -0.2
  glassShape.group.add(s)
  place(subject, glassShape.group, 0, 0, 4)
  // A few squares of chocolate: grooved dark blocks.
  for (const [x, z, turn] of [[6.5, 3, 0.3], [8, -1, 1.2]] as const) {
    const piece = new THREE.Group()
    for (let i = 0; i < 2; i++) {
      for (let j = 0; j < 2; j++) {
        const block = new THREE.Mesh(new THREE.BoxGeometry(1.9, 0.8, 1.9), glossy(0x3a1a0c, 0.35))
        block.position.set((i - 0.5) * 2, 0.4, (j - 0.5) * 2)
        block.castShadow = true
        piece.add(block)
      }
    }
    place(subject, piece, x, z, 2.6, turn)
  }
  return { subject, stage: sets.dinner, framing: { elevation: 14, fill: 0.84 } }
}

const waterBottle: Builder = () => {
  const subject = new THREE.Group()
  place(subject, plasticBottle({
    label: { base: 0x6ab4e8, accent: 0xffffff, detail: 0x1e5aa8, emblem: 'mountain', coverage: 0.8, stripes: [[0.12, 0.1, 0x1e5aa8]] },
    capColor: 0x1e5aa8, contents: { color: 0xd8ecf4, level: 0.88, options: { opacity: 0.25 } },
  }), 0, 0, 3.8, 0.1)
  return { subject, stage: sets.marble, framing: { elevation: 10, fill: 0.84, azimuth: -10 } }
}

const mineralWater: Builder = () => {
  const subject = new THREE.Group()
  place(subject, spiritBottle({
    shape: 'mineral', glass: bottleGlass.blue, contents: { color: 0xd8ecf4, level: 0.86, options: { opacity: 0.2 } },
    label: { base: 0xf4f8fa, accent: 0x2a7ac8, detail: 0x8ab8e0, emblem: 'drop', printLines: 1, coverage: 0.45, border: 0x2a7ac8 }, labelFrom: 8, labelTo: 15,
    cap: { color: 0x2a7ac8, height: 2, kind: 'plastic' },
  }), -3.5, -2, 4)
  const glassShape = tumbler({ radius: 3.4, height: 10, base: 1.0 })
  fill(glassShape, 0.78, drinks.water(), waterSurface())
  place(subject, glassShape.group, 4.5, 3, 4)
  return { subject, stage: sets.sage, framing: { elevation: 10, fill: 0.86 } }
}

export const builders: Record<string, Builder> = {
  'alc-beer-pint': beerPint,
  'alc-wine-red': wineRed,
  'alc-beer-bottle': beerBottleScene,
  'alc-wine-white': wineWhite,
  'alc-champagne-flute': champagneFlutes,
  'alc-whisky-tumbler': whiskyTumbler,
  'alc-vodka-bottle': vodkaBottle,
  'alc-gin-tonic': ginTonic,
  'alc-martini': martini,
  'alc-margarita': margarita,
  'alc-cider-bottle': ciderBottle,
  'alc-cider-glass': ciderGlass,
  'alc-beer-can': beerCan,
  'alc-liqueur': liqueur,
  'alc-wine-bottle': wineBottleScene,
  'alc-port': port,
  'alc-mojito': mojito,
  'alc-shots': shots,
  'alc-jenever': jenever,
  'alc-wine-rose': wineRose,
  'soft-orange-juice': orangeJuice,
  'soft-coffee-cup': coffeeCup,
  'soft-water-glass': waterGlass,
  'soft-cola-can': colaCan,
  'soft-cola-glass': colaGlass,
  'soft-milk-glass': milkGlass,
  'soft-apple-juice': appleJuice,
  'soft-tea-cup': teaCup,
  'soft-lemonade': lemonade,
  'soft-iced-tea': icedTea,
  'soft-smoothie': smoothie,
  'soft-hot-chocolate': hotChocolate,
  'soft-sparkling-water': sparklingWater,
  'soft-sports-drink': sportsDrink,
  'soft-soda-bottle': sodaBottle,
  'soft-tomato-juice': tomatoJuice,
  'soft-juice-carton': juiceCartonScene,
  'soft-chocolate-milk': chocolateMilk,
  'soft-water-bottle': waterBottle,
  'soft-mineral-water': mineralWater,
}

