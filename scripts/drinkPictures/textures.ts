/**
 * Canvas-drawn textures: labels, table tops, walls, fruit slices. All drawn from a seeded generator, and kept soft
 * (few hard, high-contrast details), because fine detail costs bytes in the WebP files.
 */
import * as THREE from 'three'
import { between, pick, type Rng } from './random.ts'

type Draw = (ctx: CanvasRenderingContext2D, width: number, height: number) => void

export function canvasTexture(width: number, height: number, draw: Draw, repeat?: [number, number]): THREE.CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('no 2D canvas')
  draw(ctx, width, height)
  const texture = new THREE.CanvasTexture(canvas)
  texture.colorSpace = THREE.SRGBColorSpace
  texture.anisotropy = 8
  if (repeat) {
    texture.wrapS = texture.wrapT = THREE.RepeatWrapping
    texture.repeat.set(repeat[0], repeat[1])
  }
  return texture
}

const css = (color: THREE.ColorRepresentation) => `#${new THREE.Color(color).getHexString()}`

/** Lighter or darker by 'amount' in sRGB lightness (Color.offsetHSL works in linear light, far too strong on dark wood). */
function shade(color: THREE.ColorRepresentation, amount: number): string {
  const hsl = { h: 0, s: 0, l: 0 }
  new THREE.Color(color).getHSL(hsl, THREE.SRGBColorSpace)
  return css(new THREE.Color().setHSL(hsl.h, hsl.s, THREE.MathUtils.clamp(hsl.l + amount, 0, 1), THREE.SRGBColorSpace))
}

// ---------------------------------------------------------------------------------------------------------------
// Labels. A label texture spans the whole circumference (u 0..1); the art sits around u = 0.5, which lathe() turns
// towards the camera. Outside the label the texture is transparent, so a label can cover only the front.

export type Emblem = 'none' | 'circle' | 'diamond' | 'shield' | 'wheat' | 'apple' | 'fruits' | 'drop' | 'star' | 'wave' | 'swoosh' | 'grapes' | 'mountain' | 'orange' | 'cherry'

export interface LabelDesign {
  base: THREE.ColorRepresentation
  accent: THREE.ColorRepresentation
  detail?: THREE.ColorRepresentation
  /** Fraction of the circumference covered (1 = wraps all the way round, as on cans). */
  coverage?: number
  emblem?: Emblem
  /** Horizontal stripes across the label: [centre 0..1 from the bottom, thickness, colour]. */
  stripes?: [number, number, THREE.ColorRepresentation][]
  /** Grey 'text' bars: give a label the look of print without any actual words. */
  printLines?: number
  border?: THREE.ColorRepresentation
}

export function labelTexture(design: LabelDesign, size: [number, number] = [1024, 256]): THREE.CanvasTexture {
  const { base, accent, detail = 0xffffff, coverage = 0.42, emblem = 'none', stripes = [], printLines = 0, border } = design
  return canvasTexture(size[0], size[1], (ctx, w, h) => {
    const labelWidth = w * coverage
    const x0 = (w - labelWidth) / 2
    ctx.fillStyle = css(base)
    ctx.fillRect(x0, 0, labelWidth, h)
    for (const [centre, thickness, color] of stripes) {
      ctx.fillStyle = css(color)
      ctx.fillRect(x0, h * (1 - centre) - (h * thickness) / 2, labelWidth, h * thickness)
    }
    if (border !== undefined) {
      ctx.strokeStyle = css(border)
      ctx.lineWidth = 6
      ctx.strokeRect(x0 + 10, 10, labelWidth - 20, h - 20)
    }
    const cx = w / 2
    const cy = h * 0.42
    // The emblem is drawn narrower than tall: wrapped round a cylinder the label's middle is seen head-on.
    const s = h * 0.24
    drawEmblem(ctx, emblem, cx, cy, s, css(accent), css(detail))
    ctx.fillStyle = css(detail)
    ctx.globalAlpha = 0.75
    for (let i = 0; i < printLines; i++) {
      const lw = (labelWidth * (0.5 - i * 0.12)) * 0.5
      ctx.fillRect(cx - lw / 2, h * (0.74 + i * 0.09), lw, h * 0.035)
    }
    ctx.globalAlpha = 1
  })
}

export function drawEmblem(ctx: CanvasRenderingContext2D, emblem: Emblem, cx: number, cy: number, s: number, accent: string, detail: string): void {
  ctx.save()
  ctx.fillStyle = accent
  ctx.strokeStyle = detail
  ctx.lineWidth = s * 0.08
  switch (emblem) {
    case 'circle':
      ctx.beginPath()
      ctx.ellipse(cx, cy, s * 1.05, s, 0, 0, Math.PI * 2)
      ctx.fill()
      ctx.beginPath()
      ctx.ellipse(cx, cy, s * 0.75, s * 0.7, 0, 0, Math.PI * 2)
      ctx.stroke()
      break
    case 'diamond':
      ctx.beginPath()
      ctx.moveTo(cx, cy - s)
      ctx.lineTo(cx + s * 1.1, cy)
      ctx.lineTo(cx, cy + s)
      ctx.lineTo(cx - s * 1.1, cy)
      ctx.closePath()
      ctx.fill()
      break
    case 'shield':
      ctx.beginPath()
      ctx.moveTo(cx - s, cy - s)
      ctx.lineTo(cx + s, cy - s)
      ctx.lineTo(cx + s, cy)
      ctx.quadraticCurveTo(cx + s, cy + s * 0.8, cx, cy + s * 1.1)
      ctx.quadraticCurveTo(cx - s, cy + s * 0.8, cx - s, cy)
      ctx.closePath()
      ctx.fill()
      ctx.stroke()
      break
    case 'wheat':
      // An ear of barley: a stalk with paired grains, the universal 'beer' sign.
      ctx.strokeStyle = accent
      ctx.lineWidth = s * 0.08
      ctx.beginPath()
      ctx.moveTo(cx, cy + s * 1.1)
      ctx.lineTo(cx, cy - s * 1.1)
      ctx.stroke()
      for (let i = 0; i < 5; i++) {
        const y = cy + s * 0.6 - i * s * 0.38
        for (const side of [-1, 1]) {
          ctx.beginPath()
          ctx.ellipse(cx + side * s * 0.2, y, s * 0.12, s * 0.25, side * 0.5, 0, Math.PI * 2)
          ctx.fill()
        }
      }
      break
    case 'apple':
      ctx.beginPath()
      ctx.arc(cx - s * 0.35, cy + s * 0.1, s * 0.6, 0, Math.PI * 2)
      ctx.arc(cx + s * 0.35, cy + s * 0.1, s * 0.6, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#3f7a2a'
      ctx.beginPath()
      ctx.ellipse(cx + s * 0.25, cy - s * 0.75, s * 0.3, s * 0.14, -0.5, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#5a3a1a'
      ctx.fillRect(cx - s * 0.04, cy - s * 0.85, s * 0.08, s * 0.4)
      break
    case 'fruits': {
      const fruit = (x: number, y: number, r: number, color: string) => {
        ctx.fillStyle = color
        ctx.beginPath()
        ctx.arc(x, y, r, 0, Math.PI * 2)
        ctx.fill()
      }
      fruit(cx - s * 0.6, cy + s * 0.2, s * 0.6, '#f39a1e')
      fruit(cx + s * 0.55, cy + s * 0.3, s * 0.5, '#d8322b')
      fruit(cx, cy - s * 0.45, s * 0.5, '#f7d23a')
      ctx.fillStyle = '#3f8a2a'
      ctx.beginPath()
      ctx.ellipse(cx + s * 0.3, cy - s * 0.95, s * 0.3, s * 0.12, -0.4, 0, Math.PI * 2)
      ctx.fill()
      break
    }
    case 'drop':
      ctx.beginPath()
      ctx.moveTo(cx, cy - s * 1.1)
      ctx.bezierCurveTo(cx + s * 0.9, cy, cx + s * 0.7, cy + s, cx, cy + s)
      ctx.bezierCurveTo(cx - s * 0.7, cy + s, cx - s * 0.9, cy, cx, cy - s * 1.1)
      ctx.fill()
      break
    case 'star':
      ctx.beginPath()
      for (let i = 0; i < 10; i++) {
        const a = (i / 10) * Math.PI * 2 - Math.PI / 2
        const r = i % 2 === 0 ? s : s * 0.45
        ctx.lineTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r)
      }
      ctx.closePath()
      ctx.fill()
      break
    case 'wave':
      // A ribbon across the whole label, like the sweep on a cola can.
      ctx.fillStyle = detail
      ctx.beginPath()
      ctx.moveTo(cx - s * 6, cy + s * 0.3)
      ctx.bezierCurveTo(cx - s * 2, cy - s * 1.2, cx + s * 2, cy + s * 1.4, cx + s * 6, cy - s * 0.3)
      ctx.lineTo(cx + s * 6, cy + s * 0.1)
      ctx.bezierCurveTo(cx + s * 2, cy + s * 1.8, cx - s * 2, cy - s * 0.8, cx - s * 6, cy + s * 0.7)
      ctx.closePath()
      ctx.fill()
      break
    case 'swoosh':
      ctx.fillStyle = accent
      ctx.beginPath()
      ctx.moveTo(cx - s * 2.2, cy + s * 0.8)
      ctx.quadraticCurveTo(cx, cy - s * 1.6, cx + s * 2.2, cy - s * 0.9)
      ctx.quadraticCurveTo(cx, cy - s * 0.6, cx - s * 2.2, cy + s * 0.8)
      ctx.fill()
      break
    case 'grapes':
      for (const [dx, dy] of [[-0.45, -0.5], [0, -0.5], [0.45, -0.5], [-0.22, -0.05], [0.22, -0.05], [0, 0.4]] as const) {
        ctx.beginPath()
        ctx.arc(cx + dx * s, cy + dy * s, s * 0.26, 0, Math.PI * 2)
        ctx.fill()
      }
      ctx.fillStyle = '#4f7a2c'
      ctx.beginPath()
      ctx.ellipse(cx + s * 0.35, cy - s * 0.95, s * 0.32, s * 0.14, -0.3, 0, Math.PI * 2)
      ctx.fill()
      break
    case 'mountain':
      ctx.beginPath()
      ctx.moveTo(cx - s * 1.6, cy + s * 0.8)
      ctx.lineTo(cx - s * 0.4, cy - s * 0.8)
      ctx.lineTo(cx + s * 0.2, cy)
      ctx.lineTo(cx + s * 0.7, cy - s * 0.5)
      ctx.lineTo(cx + s * 1.6, cy + s * 0.8)
      ctx.closePath()
      ctx.fill()
      ctx.fillStyle = detail
      ctx.beginPath()
      ctx.moveTo(cx - s * 0.4, cy - s * 0.8)
      ctx.lineTo(cx - s * 0.12, cy - s * 0.42)
      ctx.lineTo(cx - s * 0.68, cy - s * 0.42)
      ctx.closePath()
      ctx.fill()
      break
    case 'orange':
      ctx.beginPath()
      ctx.arc(cx, cy, s, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = detail
      for (let i = 0; i < 8; i++) {
        const a = (i / 8) * Math.PI * 2
        ctx.beginPath()
        ctx.moveTo(cx, cy)
        ctx.arc(cx, cy, s * 0.78, a + 0.08, a + Math.PI / 4 - 0.08)
        ctx.closePath()
        ctx.fill()
      }
      break
    case 'cherry':
      for (const dx of [-0.45, 0.45]) {
        ctx.beginPath()
        ctx.arc(cx + dx * s, cy + s * 0.45, s * 0.45, 0, Math.PI * 2)
        ctx.fill()
      }
      ctx.strokeStyle = '#4a6a22'
      ctx.lineWidth = s * 0.1
      ctx.beginPath()
      ctx.moveTo(cx - s * 0.45, cy + s * 0.1)
      ctx.quadraticCurveTo(cx - s * 0.2, cy - s * 0.7, cx + s * 0.1, cy - s)
      ctx.moveTo(cx + s * 0.45, cy + s * 0.1)
      ctx.quadraticCurveTo(cx + s * 0.2, cy - s * 0.6, cx + s * 0.1, cy - s)
      ctx.stroke()
      break
    case 'none':
      break
  }
  ctx.restore()
}

// ---------------------------------------------------------------------------------------------------------------
// Table tops.

export type TableKind = 'oak' | 'walnut' | 'painted' | 'gingham' | 'linen' | 'marble' | 'slate' | 'stripes'

export function tableTexture(kind: TableKind, rng: Rng, colors: { a: THREE.ColorRepresentation; b?: THREE.ColorRepresentation }): THREE.CanvasTexture {
  const a = css(colors.a)
  const b = css(colors.b ?? 0xffffff)
  switch (kind) {
    case 'oak':
    case 'walnut':
    case 'painted':
      return canvasTexture(512, 512, (ctx, w, h) => {
        // Planks running away from the camera, with soft grain: reads as a wooden table without costing many bytes.
        const planks = 4
        for (let i = 0; i < planks; i++) {
          const x0 = (i * w) / planks
          ctx.fillStyle = shade(colors.a, between(rng, -0.03, 0.03))
          ctx.fillRect(x0, 0, w / planks, h)
          ctx.save()
          ctx.beginPath()
          ctx.rect(x0, 0, w / planks, h)
          ctx.clip()
          ctx.filter = 'blur(1.5px)'
          ctx.globalAlpha = kind === 'painted' ? 0.04 : 0.1
          ctx.strokeStyle = css(colors.b ?? 0x000000)
          for (let g = 0; g < 7; g++) {
            const x = x0 + between(rng, 4, w / planks - 4)
            const wave = between(rng, 60, 140)
            ctx.lineWidth = between(rng, 2, 6)
            ctx.beginPath()
            ctx.moveTo(x, 0)
            for (let y = 0; y <= h; y += 16) ctx.lineTo(x + Math.sin(y / wave + g) * 4, y)
            ctx.stroke()
          }
          ctx.restore()
          ctx.globalAlpha = 0.3
          ctx.fillStyle = '#000000'
          ctx.fillRect(x0, 0, 2, h)
          ctx.globalAlpha = 1
        }
      }, [6, 3])
    case 'gingham':
      return canvasTexture(256, 256, (ctx, w, h) => {
        ctx.fillStyle = b
        ctx.fillRect(0, 0, w, h)
        ctx.globalAlpha = 0.5
        ctx.fillStyle = a
        const n = 4
        for (let i = 0; i < n; i++) {
          ctx.fillRect((i * w) / n, 0, w / n / 2, h)
          ctx.fillRect(0, (i * h) / n, w, h / n / 2)
        }
        ctx.globalAlpha = 1
      }, [6, 6])
    case 'stripes':
      return canvasTexture(256, 256, (ctx, w, h) => {
        ctx.fillStyle = b
        ctx.fillRect(0, 0, w, h)
        ctx.fillStyle = a
        ctx.fillRect(w * 0.1, 0, w * 0.12, h)
        ctx.fillRect(w * 0.3, 0, w * 0.04, h)
      }, [5, 5])
    case 'linen':
      return canvasTexture(128, 128, (ctx, w, h) => {
        // A plain cloth: only a faint weave, repeated densely so that it averages out to an even colour.
        ctx.fillStyle = a
        ctx.fillRect(0, 0, w, h)
        ctx.globalAlpha = 0.04
        ctx.fillStyle = '#000000'
        for (let i = 0; i < w; i += 4) ctx.fillRect(i, 0, 1, h)
        for (let i = 0; i < h; i += 4) ctx.fillRect(0, i, w, 1)
        ctx.globalAlpha = 1
      }, [60, 60])
    case 'marble':
      return canvasTexture(512, 512, (ctx, w, h) => {
        // Cloudy patches and a few soft veins: sharp thin veins read as cracks at this scale.
        ctx.fillStyle = a
        ctx.fillRect(0, 0, w, h)
        ctx.filter = 'blur(18px)'
        for (let i = 0; i < 14; i++) {
          ctx.globalAlpha = between(rng, 0.04, 0.1)
          ctx.fillStyle = b
          ctx.beginPath()
          ctx.ellipse(rng() * w, rng() * h, between(rng, 40, 120), between(rng, 20, 60), rng() * 3, 0, Math.PI * 2)
          ctx.fill()
        }
        ctx.filter = 'blur(2px)'
        ctx.strokeStyle = b
        for (let v = 0; v < 4; v++) {
          ctx.globalAlpha = between(rng, 0.08, 0.18)
          ctx.lineWidth = between(rng, 2, 4)
          ctx.beginPath()
          let x = rng() * w
          let y = 0
          ctx.moveTo(x, y)
          while (y < h) {
            x += between(rng, -18, 18)
            y += between(rng, 20, 50)
            ctx.lineTo(x, y)
          }
          ctx.stroke()
        }
        ctx.filter = 'none'
        ctx.globalAlpha = 1
      }, [3, 3])
    case 'slate':
      return canvasTexture(256, 256, (ctx, w, h) => {
        // Dark stone: an even colour with only faint, blurred mottling.
        ctx.fillStyle = a
        ctx.fillRect(0, 0, w, h)
        ctx.filter = 'blur(6px)'
        for (let i = 0; i < 30; i++) {
          ctx.globalAlpha = 0.05
          ctx.fillStyle = rng() < 0.5 ? '#ffffff' : '#000000'
          ctx.beginPath()
          ctx.ellipse(rng() * w, rng() * h, between(rng, 15, 50), between(rng, 8, 25), rng() * 3, 0, Math.PI * 2)
          ctx.fill()
        }
        ctx.filter = 'none'
        ctx.globalAlpha = 1
      }, [8, 8])
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Walls. Always blurred: a real photo of a drink has the background out of focus, and blur also keeps files small.

export type WallKind = 'plain' | 'bokeh' | 'tiles' | 'brick' | 'panels' | 'window'

export function wallTexture(kind: WallKind, rng: Rng, colors: { a: THREE.ColorRepresentation; b: THREE.ColorRepresentation; lights?: THREE.ColorRepresentation[] }): THREE.CanvasTexture {
  const a = css(colors.a)
  const b = css(colors.b)
  return canvasTexture(512, 512, (ctx, w, h) => {
    const gradient = ctx.createLinearGradient(0, 0, 0, h)
    gradient.addColorStop(0, b)
    gradient.addColorStop(1, a)
    ctx.fillStyle = gradient
    ctx.fillRect(0, 0, w, h)
    ctx.filter = 'blur(10px)'
    switch (kind) {
      case 'plain':
        break
      case 'bokeh': {
        // Out-of-focus lights, as behind a bar counter.
        const lights = colors.lights ?? [0xffd9a0, 0xffb870, 0xfff1d0]
        for (let i = 0; i < 26; i++) {
          ctx.globalAlpha = between(rng, 0.15, 0.55)
          ctx.fillStyle = css(pick(rng, lights))
          ctx.beginPath()
          ctx.arc(rng() * w, between(rng, 0.1, 0.75) * h, between(rng, 10, 34), 0, Math.PI * 2)
          ctx.fill()
        }
        break
      }
      case 'tiles':
        ctx.strokeStyle = b
        ctx.globalAlpha = 0.6
        ctx.lineWidth = 5
        for (let y = 0; y < h; y += 48) {
          ctx.beginPath()
          ctx.moveTo(0, y)
          ctx.lineTo(w, y)
          ctx.stroke()
          for (let x = (y / 48) % 2 === 0 ? 0 : 48; x < w; x += 96) {
            ctx.beginPath()
            ctx.moveTo(x, y)
            ctx.lineTo(x, y + 48)
            ctx.stroke()
          }
        }
        break
      case 'brick':
        ctx.globalAlpha = 0.5
        for (let y = 0; y < h; y += 40) {
          for (let x = (y / 40) % 2 === 0 ? 0 : -50; x < w; x += 100) {
            ctx.fillStyle = shade(colors.a, between(rng, -0.05, 0.05))
            ctx.fillRect(x + 3, y + 3, 94, 34)
          }
        }
        break
      case 'panels':
        ctx.globalAlpha = 0.35
        ctx.fillStyle = b
        for (let x = 0; x < w; x += 128) ctx.fillRect(x + 12, h * 0.1, 104, h * 0.8)
        break
      case 'window':
        // A bright window out of focus: daylight kitchen.
        ctx.globalAlpha = 0.85
        ctx.fillStyle = '#ffffff'
        ctx.fillRect(w * 0.55, h * 0.05, w * 0.4, h * 0.6)
        ctx.globalAlpha = 0.5
        ctx.fillStyle = b
        ctx.fillRect(w * 0.74, h * 0.05, w * 0.03, h * 0.6)
        ctx.fillRect(w * 0.55, h * 0.33, w * 0.4, h * 0.03)
        break
    }
    ctx.filter = 'none'
    ctx.globalAlpha = 1
  })
}

// ---------------------------------------------------------------------------------------------------------------
// Food details.

export type Citrus = 'lemon' | 'lime' | 'orange' | 'grapefruit' | 'cucumber'

const citrusColors: Record<Citrus, { rind: string; flesh: string; pith: string }> = {
  lemon: { rind: '#f2cf2a', flesh: '#f7e27a', pith: '#fbf6dc' },
  lime: { rind: '#4f9a2a', flesh: '#b7d86a', pith: '#eef5d8' },
  orange: { rind: '#f08a12', flesh: '#f7a73a', pith: '#fdf0d8' },
  grapefruit: { rind: '#f2a14a', flesh: '#f0706a', pith: '#fde8df' },
  cucumber: { rind: '#2f6a2a', flesh: '#cfe6a8', pith: '#e8f4d0' },
}

export function citrusRindColor(kind: Citrus): string {
  return citrusColors[kind].rind
}

/** The cut face of a citrus wheel: rind, pith, segments. The single clearest cue for 'lemon' at phone size. */
export function citrusFaceTexture(kind: Citrus): THREE.CanvasTexture {
  const { rind, flesh, pith } = citrusColors[kind]
  return canvasTexture(256, 256, (ctx, w) => {
    const c = w / 2
    ctx.fillStyle = rind
    ctx.beginPath()
    ctx.arc(c, c, c, 0, Math.PI * 2)
    ctx.fill()
    ctx.fillStyle = pith
    ctx.beginPath()
    ctx.arc(c, c, c * 0.9, 0, Math.PI * 2)
    ctx.fill()
    if (kind === 'cucumber') {
      ctx.fillStyle = flesh
      ctx.beginPath()
      ctx.arc(c, c, c * 0.86, 0, Math.PI * 2)
      ctx.fill()
      ctx.fillStyle = '#e9f3cf'
      for (let i = 0; i < 3; i++) {
        const a = (i / 3) * Math.PI * 2
        ctx.beginPath()
        ctx.ellipse(c + Math.cos(a) * c * 0.3, c + Math.sin(a) * c * 0.3, c * 0.22, c * 0.12, a, 0, Math.PI * 2)
        ctx.fill()
      }
      return
    }
    const segments = 10
    ctx.fillStyle = flesh
    for (let i = 0; i < segments; i++) {
      const a0 = (i / segments) * Math.PI * 2 + 0.05
      const a1 = ((i + 1) / segments) * Math.PI * 2 - 0.05
      ctx.beginPath()
      ctx.moveTo(c + Math.cos((a0 + a1) / 2) * c * 0.1, c + Math.sin((a0 + a1) / 2) * c * 0.1)
      ctx.arc(c, c, c * 0.82, a0, a1)
      ctx.closePath()
      ctx.fill()
    }
    ctx.fillStyle = pith
    ctx.beginPath()
    ctx.arc(c, c, c * 0.09, 0, Math.PI * 2)
    ctx.fill()
  })
}

/** The top of an espresso or latte: crema with a lighter ring, optionally a milk-foam heart. */
export function cremaTexture(base: string, foam: string, heart: boolean): THREE.CanvasTexture {
  return canvasTexture(256, 256, (ctx, w) => {
    const c = w / 2
    const gradient = ctx.createRadialGradient(c, c, 0, c, c, c)
    gradient.addColorStop(0, foam)
    gradient.addColorStop(heart ? 0.55 : 0.3, heart ? foam : base)
    gradient.addColorStop(heart ? 0.75 : 0.8, base)
    gradient.addColorStop(1, '#3b2110')
    ctx.fillStyle = gradient
    ctx.fillRect(0, 0, w, w)
    if (heart) {
      ctx.fillStyle = base
      ctx.beginPath()
      ctx.moveTo(c, c + w * 0.22)
      ctx.bezierCurveTo(c - w * 0.32, c - w * 0.02, c - w * 0.14, c - w * 0.26, c, c - w * 0.1)
      ctx.bezierCurveTo(c + w * 0.14, c - w * 0.26, c + w * 0.32, c - w * 0.02, c, c + w * 0.22)
      ctx.fill()
      ctx.fillStyle = foam
      ctx.beginPath()
      ctx.moveTo(c, c + w * 0.15)
      ctx.bezierCurveTo(c - w * 0.22, c - w * 0.01, c - w * 0.1, c - w * 0.18, c, c - w * 0.06)
      ctx.bezierCurveTo(c + w * 0.1, c - w * 0.18, c + w * 0.22, c - w * 0.01, c, c + w * 0.15)
      ctx.fill()
    }
  })
}

/** Straw stripes (a spiral reads as 'straw' even when small). */
export function stripeTexture(a: THREE.ColorRepresentation, b: THREE.ColorRepresentation): THREE.CanvasTexture {
  return canvasTexture(64, 256, (ctx, w, h) => {
    ctx.fillStyle = css(a)
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = css(b)
    for (let y = -w; y < h; y += 48) {
      ctx.beginPath()
      ctx.moveTo(0, y)
      ctx.lineTo(w, y + w)
      ctx.lineTo(w, y + w + 18)
      ctx.lineTo(0, y + 18)
      ctx.fill()
    }
  })
}

/** A soft dark blob for contact shadows: grounds every object on the table. */
export function shadowBlobTexture(): THREE.CanvasTexture {
  return canvasTexture(128, 128, (ctx, w) => {
    const g = ctx.createRadialGradient(w / 2, w / 2, 0, w / 2, w / 2, w / 2)
    g.addColorStop(0, 'rgba(0,0,0,0.55)')
    g.addColorStop(0.5, 'rgba(0,0,0,0.25)')
    g.addColorStop(1, 'rgba(0,0,0,0)')
    ctx.fillStyle = g
    ctx.fillRect(0, 0, w, w)
  })
}

/** The front of a juice carton: a colour field, a big fruit picture, a band. */
export function cartonTexture(base: THREE.ColorRepresentation, band: THREE.ColorRepresentation, emblem: Emblem): THREE.CanvasTexture {
  return canvasTexture(256, 512, (ctx, w, h) => {
    ctx.fillStyle = css(base)
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = css(band)
    ctx.beginPath()
    ctx.moveTo(0, h * 0.72)
    ctx.bezierCurveTo(w * 0.3, h * 0.66, w * 0.7, h * 0.8, w, h * 0.7)
    ctx.lineTo(w, h)
    ctx.lineTo(0, h)
    ctx.fill()
    drawEmblem(ctx, emblem, w / 2, h * 0.45, w * 0.3, '#f39a1e', '#ffffff')
    ctx.fillStyle = '#ffffff'
    ctx.globalAlpha = 0.8
    ctx.fillRect(w * 0.2, h * 0.12, w * 0.6, h * 0.04)
    ctx.fillRect(w * 0.3, h * 0.19, w * 0.4, h * 0.025)
    ctx.globalAlpha = 1
  })
}
