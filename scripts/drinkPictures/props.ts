/**
 * Ready-made bottles, cans and cartons: a vessel plus its cap, foil, label and (for clear glass) the drink inside.
 * Labels are colour fields and simple emblems only: no brand names, no words.
 */
import * as THREE from 'three'
import { RoundedBoxGeometry } from 'three/examples/jsm/geometries/RoundedBoxGeometry.js'
import { TeapotGeometry } from 'three/examples/jsm/geometries/TeapotGeometry.js'
import { band, lathe, smooth, type Point } from './profiles.ts'
import { ceramic, glass, glossy, liquid, matte, metal, type GlassOptions, type LiquidOptions } from './materials.ts'
import { bottle, bottleShapes, can, cap, fill, petBottle, type Vessel } from './vessels.ts'
import { cartonTexture, labelTexture, type Emblem, type LabelDesign } from './textures.ts'

export interface Contents {
  color: THREE.ColorRepresentation
  level: number
  options?: LiquidOptions
}

function pour(target: Vessel, contents?: Contents): void {
  if (contents) fill(target, contents.level, liquid(contents.color, contents.options))
}

/** Tinted bottle glass: brown for beer, green for wine and cider. */
export const bottleGlass = {
  brown: { tint: 0x4a2208, opacity: 0.82, edgeAlpha: 0.96, envIntensity: 2.2 },
  green: { tint: 0x0c1e0a, opacity: 0.9, edgeAlpha: 0.98, envIntensity: 1.6 },
  lightGreen: { tint: 0x40602a, opacity: 0.7, edgeAlpha: 0.92, envIntensity: 1.8 },
  clear: { tint: 0xd8e4e4, opacity: 0.14, edgeAlpha: 0.7, envIntensity: 2 },
  blue: { tint: 0x8ab8d8, opacity: 0.25, edgeAlpha: 0.8, envIntensity: 2 },
} satisfies Record<string, GlassOptions>

/** A foil capsule over the neck and cork of a wine or champagne bottle. */
function foil(target: Vessel, from: number, color: THREE.ColorRepresentation): THREE.Mesh {
  const mesh = new THREE.Mesh(band(target.outer, from, target.height - 0.05, 0.05, 10), metal(color, 0.35))
  const top = new THREE.Mesh(new THREE.CircleGeometry(1.6, 32), metal(color, 0.35))
  top.rotation.x = -Math.PI / 2
  top.position.y = target.height + 0.01
  top.scale.setScalar(0.95)
  mesh.add(top)
  mesh.castShadow = true
  return mesh
}

export function beerBottle(label: LabelDesign, shape: 'longneck' | 'stubby' = 'longneck', glassKind: GlassOptions = bottleGlass.brown, capColor: THREE.ColorRepresentation = 0xc8a040): THREE.Group {
  const points = bottleShapes[shape]
  const h = (points[points.length - 1] as Point)[1]
  const b = bottle(points, {
    glass: glassKind,
    label: { design: label, from: h * 0.2, to: h * 0.52 },
    extraLabels: [{ design: { ...label, emblem: 'none', printLines: 0, coverage: 0.5, stripes: [] }, from: h * 0.78, to: h * 0.86 }],
  })
  fill(b, h * 0.8, liquid(0x6a3a08, { glow: 0.05 }))
  b.group.add(cap(1.55, 0.6, h - 0.2, metal(capColor, 0.3), true))
  return b.group
}

export function wineBottle(options: { glass?: GlassOptions; label: LabelDesign; foilColor: THREE.ColorRepresentation; contents?: Contents; shape?: 'wine' | 'port' }): THREE.Group {
  const points = bottleShapes[options.shape ?? 'wine']
  const h = (points[points.length - 1] as Point)[1]
  const b = bottle(points, {
    glass: options.glass ?? bottleGlass.green,
    label: { design: options.label, from: h * 0.2, to: h * 0.5 },
  })
  pour(b, options.contents ?? { color: 0x2a0408, level: h * 0.8, options: { glow: 0.02 } })
  b.group.add(foil(b, h * 0.84, options.foilColor))
  return b.group
}

export function champagneBottle(label: LabelDesign): THREE.Group {
  const points = bottleShapes.champagne
  const h = (points[points.length - 1] as Point)[1]
  const b = bottle(points, { glass: { tint: 0x16301a, opacity: 0.9, edgeAlpha: 0.98, envIntensity: 2.4 }, label: { design: label, from: 5, to: 12 } })
  // The long gold foil over the neck is the champagne sign.
  b.group.add(foil(b, h * 0.66, 0xd8b050))
  return b.group
}

export function spiritBottle(options: { shape: 'vodka' | 'liqueur' | 'mineral' | 'tonic' | 'milk'; glass?: GlassOptions; label?: LabelDesign; labelFrom?: number; labelTo?: number; contents?: Contents; cap?: { color: THREE.ColorRepresentation; height?: number; kind?: 'metal' | 'cork' | 'plastic' } }): THREE.Group {
  const points = bottleShapes[options.shape]
  const h = (points[points.length - 1] as Point)[1]
  const b = bottle(points, {
    glass: options.glass ?? bottleGlass.clear,
    ...(options.label ? { label: { design: options.label, from: options.labelFrom ?? h * 0.2, to: options.labelTo ?? h * 0.55 } } : {}),
  })
  pour(b, options.contents)
  if (options.cap) {
    const lip = (points[points.length - 1] as Point)[0]
    const material = options.cap.kind === 'cork' ? matte(options.cap.color, 0.8) : options.cap.kind === 'plastic' ? glossy(options.cap.color, 0.4) : metal(options.cap.color, 0.3)
    b.group.add(cap(lip + 0.15, options.cap.height ?? 2.2, h - 1, material))
  }
  return b.group
}

/** A PET bottle with a label and a coloured cap: water, soda, sports drink. */
export function plasticBottle(options: { label: LabelDesign; capColor: THREE.ColorRepresentation; contents: Contents; radius?: number; height?: number; sportCap?: boolean }): THREE.Group {
  const h = options.height ?? 21
  const b = petBottle({
    ...(options.radius === undefined ? {} : { radius: options.radius }),
    height: h,
    label: { design: options.label, from: h * 0.58, to: h * 0.78 },
  })
  pour(b, options.contents)
  const capMaterial = glossy(options.capColor, 0.35)
  b.group.add(cap(1.5, 1.5, h - 0.6, capMaterial))
  if (options.sportCap) {
    const spout = new THREE.Mesh(new THREE.CylinderGeometry(0.6, 0.9, 1.6, 24), glossy(0xf4f4f4, 0.4))
    spout.position.y = h + 1.7
    b.group.add(spout)
  }
  return b.group
}

export function drinksCan(design: LabelDesign): THREE.Group {
  return can(design).group
}

/** A stoneware jenever jug ('kruik'): glazed ceramic, small ear handle, cork. */
export function jeneverJug(labelDesign: LabelDesign): THREE.Group {
  const group = new THREE.Group()
  const points: Point[] = [[0, 0], [3.6, 0], [3.9, 0.6], [4.0, 15], [3.6, 17], [1.6, 19], [1.2, 20.5], [1.35, 21.5]]
  const profile = smooth(points, 60)
  const glaze = canvasGlaze()
  const body = new THREE.Mesh(lathe(profile), glaze)
  body.castShadow = true
  const label = new THREE.Mesh(band(profile, 5, 11, 0.04, 8), new THREE.MeshStandardMaterial({ map: labelTexture(labelDesign), roughness: 0.6, alphaTest: 0.5 }))
  const ear = new THREE.Mesh(new THREE.TorusGeometry(1.1, 0.35, 10, 24, Math.PI * 1.3), glaze)
  ear.position.set(2.4, 17.6, 0)
  ear.rotation.z = -0.9
  const cork = new THREE.Mesh(new THREE.CylinderGeometry(1.05, 0.95, 1.4, 24), matte(0xb48a5a, 0.9))
  cork.position.y = 22
  group.add(body, label, ear, cork)
  return group
}

/** Salt-glazed stoneware: brown at the shoulder fading to cream, as jenever jugs are. */
function canvasGlaze(): THREE.MeshPhysicalMaterial {
  const canvas = document.createElement('canvas')
  canvas.width = 8
  canvas.height = 256
  const ctx = canvas.getContext('2d') as CanvasRenderingContext2D
  const gradient = ctx.createLinearGradient(0, 0, 0, 256)
  gradient.addColorStop(0, '#6a4020')
  gradient.addColorStop(0.35, '#a8743c')
  gradient.addColorStop(0.6, '#d8c39a')
  gradient.addColorStop(1, '#cdb58a')
  ctx.fillStyle = gradient
  ctx.fillRect(0, 0, 8, 256)
  const texture = new THREE.CanvasTexture(canvas)
  texture.colorSpace = THREE.SRGBColorSpace
  return new THREE.MeshPhysicalMaterial({ map: texture, roughness: 0.4, clearcoat: 0.7, clearcoatRoughness: 0.2 })
}

/** A gable-top juice carton with a fruit picture on the front. */
export function juiceCarton(base: THREE.ColorRepresentation, bandColor: THREE.ColorRepresentation, emblem: Emblem): THREE.Group {
  const group = new THREE.Group()
  const w = 7
  const h = 17
  const front = glossy(0xffffff, 0.5, cartonTexture(base, bandColor, emblem))
  const side = glossy(base, 0.5)
  const body = new THREE.Mesh(new THREE.BoxGeometry(w, h, w), [side, side, side, side, front, side])
  body.position.y = h / 2
  const roofShape = new THREE.Shape()
  roofShape.moveTo(-w / 2, 0)
  roofShape.lineTo(0, 2.6)
  roofShape.lineTo(w / 2, 0)
  roofShape.closePath()
  const roof = new THREE.Mesh(new THREE.ExtrudeGeometry(roofShape, { depth: w, bevelEnabled: false }), glossy(0xf4f1ea, 0.5))
  roof.rotation.y = Math.PI / 2
  roof.position.set(-w / 2, h, w / 2)
  const fin = new THREE.Mesh(new THREE.BoxGeometry(0.3, 1.2, w), glossy(0xf4f1ea, 0.5))
  fin.position.set(0, h + 3.1, 0)
  const spout = new THREE.Mesh(new THREE.CylinderGeometry(0.9, 0.9, 0.8, 24), glossy(bandColor, 0.4))
  spout.position.set(0, h + 1.5, 1.6)
  spout.rotation.x = 0.6
  for (const mesh of [body, roof, fin, spout]) {
    mesh.castShadow = true
    group.add(mesh)
  }
  return group
}

export function teapot(color: THREE.ColorRepresentation, size = 6): THREE.Mesh {
  const mesh = new THREE.Mesh(new TeapotGeometry(size, 8), ceramic(color))
  mesh.position.y = size * 0.75
  mesh.castShadow = true
  return mesh
}

/** A bunch of grapes lying on the table, as in every wine still life. */
export function grapes(color: THREE.ColorRepresentation = 0x3a1838, radius = 0.9): THREE.Group {
  const group = new THREE.Group()
  const material = glossy(color, 0.3)
  const geometry = new THREE.SphereGeometry(radius, 16, 12)
  // Rings of grapes along the table, widest near the stem end.
  const rows = [2, 4, 5, 5, 4, 3, 1]
  rows.forEach((count, i) => {
    const ring = count > 1 ? radius * 0.45 * count * 0.7 : 0
    for (let j = 0; j < count; j++) {
      const a = (j / count) * Math.PI * 2 + i * 0.7
      const grape = new THREE.Mesh(geometry, material)
      grape.position.set(i * radius * 1.5, radius + ring + Math.sin(a) * ring * 0.8, Math.cos(a) * ring)
      grape.castShadow = true
      group.add(grape)
    }
  })
  const stem = new THREE.Mesh(new THREE.CylinderGeometry(0.12, 0.15, 2.5, 6), matte(0x5a4a2a))
  stem.rotation.z = Math.PI / 2 - 0.3
  stem.position.set(-radius * 1.8, radius * 3, 0)
  group.add(stem)
  return group
}

/**
 * A square whisky bottle (lathes are round, so this one is built from rounded boxes): thick clear glass, amber
 * contents, a flat label on the front and a wooden stopper.
 */
export function squareBottle(options: { contents: Contents; label: LabelDesign; width?: number; depth?: number; height?: number }): THREE.Group {
  const { width: w = 8, depth: d = 5.5, height: h = 17 } = options
  const group = new THREE.Group()
  const body = new THREE.Mesh(new RoundedBoxGeometry(w, h, d, 4, 1.4), glass({ opacity: 0.14, edgeAlpha: 0.8 }))
  body.position.y = h / 2
  body.renderOrder = 3
  body.castShadow = true
  const level = options.contents.level <= 1 ? (h - 1.2) * options.contents.level : options.contents.level
  const inside = new THREE.Mesh(new RoundedBoxGeometry(w - 0.6, level, d - 0.6, 4, 0.7), liquid(options.contents.color, options.contents.options))
  inside.position.y = 0.6 + level / 2
  inside.castShadow = true
  const neck = new THREE.Mesh(new THREE.CylinderGeometry(1.3, 1.5, 3, 32, 1, true), glass({ opacity: 0.16, edgeAlpha: 0.8 }))
  neck.position.y = h + 1.2
  neck.renderOrder = 3
  const stopper = new THREE.Mesh(new THREE.CylinderGeometry(1.8, 1.8, 1.6, 32), glossy(0x3a2414, 0.4))
  stopper.position.y = h + 3.3
  const label = new THREE.Mesh(new THREE.PlaneGeometry(w * 0.7, h * 0.32), new THREE.MeshStandardMaterial({ map: labelTexture({ ...options.label, coverage: 1 }, [256, 256]), roughness: 0.6 }))
  label.position.set(0, h * 0.38, d / 2 + 0.03)
  group.add(inside, body, neck, stopper, label)
  return group
}
