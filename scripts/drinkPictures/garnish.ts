/**
 * The small things that say which drink it is: foam on beer, ice, lemon and lime, mint, an olive, a straw,
 * whipped cream, fruit next to the glass. At phone size these cues matter more than the glass itself.
 */
import * as THREE from 'three'
import { RoundedBoxGeometry } from 'three/examples/jsm/geometries/RoundedBoxGeometry.js'
import { between, type Rng } from './random.ts'
import { lathe, radiusAt, smooth, type Point, type Profile } from './profiles.ts'
import { glossy, ice, matte } from './materials.ts'
import { canvasTexture, citrusFaceTexture, citrusRindColor, shadowBlobTexture, stripeTexture, type Citrus } from './textures.ts'

function shadowed<T extends THREE.Object3D>(object: T): T {
  object.traverse((o) => {
    if (o instanceof THREE.Mesh) o.castShadow = true
  })
  return object
}

/**
 * A head of foam on beer: follows the inside of the glass, then rounds over into a gently domed top (a flat-topped
 * cylinder looks like a marshmallow).
 */
export function foamHead(inner: Profile, from: number, thickness: number, rng: Rng, color: THREE.ColorRepresentation = 0xfbf5e6): THREE.Mesh {
  const corner = Math.min(0.7, thickness * 0.4)
  const sideTop = from + thickness - corner
  const points: THREE.Vector2[] = [new THREE.Vector2(0, from)]
  for (let i = 0; i <= 6; i++) {
    const y = from + ((sideTop - from) * i) / 6
    points.push(new THREE.Vector2(radiusAt(inner, y) - 0.05, y))
  }
  const rTop = radiusAt(inner, sideTop) - 0.05
  for (let i = 1; i <= 6; i++) {
    const a = (i / 6) * (Math.PI / 2)
    points.push(new THREE.Vector2(rTop - corner + Math.cos(a) * corner, sideTop + Math.sin(a) * corner))
  }
  for (let i = 1; i <= 5; i++) {
    const t = i / 5
    points.push(new THREE.Vector2((rTop - corner) * (1 - t), from + thickness + 0.25 * Math.sin(t * Math.PI / 2) + between(rng, -0.03, 0.03)))
  }
  const foamTexture = canvasTexture(256, 128, (ctx, w, h) => {
    // Fine, uneven bubbles in the foam, mostly seen through the glass on its side.
    ctx.fillStyle = `#${new THREE.Color(color).getHexString()}`
    ctx.fillRect(0, 0, w, h)
    ctx.globalAlpha = 0.18
    ctx.strokeStyle = '#c8b890'
    for (let i = 0; i < 160; i++) {
      ctx.beginPath()
      ctx.arc(rng() * w, rng() * h, between(rng, 1, 4), 0, Math.PI * 2)
      ctx.stroke()
    }
    ctx.globalAlpha = 1
  })
  const mesh = new THREE.Mesh(lathe(points), new THREE.MeshStandardMaterial({ color: 0xffffff, map: foamTexture, roughness: 0.9 }))
  mesh.castShadow = true
  return mesh
}

/** Ice cubes, tumbled, around a centre point inside a glass of the given inner radius. */
export function iceCubes(count: number, size: number, innerRadius: number, bottom: number, top: number, rng: Rng): THREE.Group {
  const group = new THREE.Group()
  const material = ice()
  for (let i = 0; i < count; i++) {
    const cube = new THREE.Mesh(new RoundedBoxGeometry(size, size, size, 2, size * 0.18), material)
    const a = (i / count) * Math.PI * 2 + between(rng, -0.3, 0.3)
    const r = Math.max(innerRadius - size * 0.75, 0) * between(rng, 0.4, 1)
    const y = bottom + ((top - bottom) * (i + 0.5)) / count
    cube.position.set(Math.sin(a) * r, y, Math.cos(a) * r)
    cube.rotation.set(between(rng, -0.6, 0.6), rng() * Math.PI, between(rng, -0.6, 0.6))
    // Ice draws before the liquid, so the liquid tints the submerged part.
    cube.renderOrder = 0.5
    group.add(cube)
  }
  return group
}

/** A citrus wheel: a thin disc with the segment pattern on both faces. */
export function citrusWheel(kind: Citrus, radius: number, thickness = 0.45): THREE.Mesh {
  const face = glossy(0xffffff, 0.35, citrusFaceTexture(kind))
  const rind = glossy(citrusRindColor(kind), 0.4)
  const mesh = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, thickness, 40), [rind, face, face])
  return shadowed(mesh)
}

/** A citrus wheel with a cut, perched on the rim of a glass at angle 'around' (radians, 0 = facing the camera). */
export function wheelOnRim(kind: Citrus, radius: number, rimRadius: number, rimHeight: number, around = -0.6): THREE.Object3D {
  const wheel = citrusWheel(kind, radius)
  wheel.rotation.set(Math.PI / 2, 0, 0)
  const holder = new THREE.Group()
  holder.add(wheel)
  // Slightly tilted back, so the cut face shows.
  wheel.rotation.x = Math.PI / 2 - 0.35
  wheel.position.set(0, rimHeight - radius * 0.25, 0)
  holder.position.set(Math.sin(around) * rimRadius, 0, Math.cos(around) * rimRadius)
  holder.rotation.y = around
  return holder
}

/** A citrus wedge (a quarter of a wheel, thick): lime in a mojito or margarita. */
export function citrusWedge(kind: Citrus, radius: number): THREE.Mesh {
  const face = glossy(0xffffff, 0.35, citrusFaceTexture(kind))
  const rind = glossy(citrusRindColor(kind), 0.4)
  const mesh = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, radius * 0.9, 24, 1, false, 0, Math.PI / 2.2), [rind, face, face])
  return shadowed(mesh)
}

/** Half a citrus fruit lying cut side up, or a whole one: context next to juice. */
export function citrusHalf(kind: Citrus, radius: number): THREE.Group {
  const group = new THREE.Group()
  const dome = new THREE.Mesh(new THREE.SphereGeometry(radius, 40, 20, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2), glossy(citrusRindColor(kind), 0.45))
  dome.position.y = radius
  const face = new THREE.Mesh(new THREE.CircleGeometry(radius, 40), glossy(0xffffff, 0.3, citrusFaceTexture(kind)))
  face.rotation.x = -Math.PI / 2
  face.position.y = radius + 0.01
  group.add(dome, face)
  return shadowed(group)
}

/** A whole round fruit (orange, lemon, lime): a sphere with lemon-shaped tips when 'tips' is set. */
export function wholeCitrus(kind: Citrus, radius: number, tips = kind === 'lemon' || kind === 'lime'): THREE.Mesh {
  // Lemons have pointed ends, limes small nubs, oranges none: the outline is most of what tells them apart.
  const profile: Point[] = tips
    ? kind === 'lime'
      ? [[0, -1.12], [0.15, -1.03], [0.72, -0.72], [1, 0], [0.72, 0.72], [0.15, 1.03], [0, 1.12]]
      : [[0, -1.25], [0.2, -1.08], [0.75, -0.7], [1, 0], [0.75, 0.7], [0.2, 1.08], [0, 1.25]]
    : [[0, -1], [0.5, -0.87], [0.87, -0.5], [1, 0], [0.87, 0.5], [0.5, 0.87], [0, 1]]
  const geometry = lathe(smooth(profile.map(([r, y]): Point => [r * radius, y * radius]), 30), 40)
  if (tips) geometry.rotateZ(Math.PI / 2)
  const mesh = new THREE.Mesh(geometry, glossy(0xffffff, 0.5, pittedTexture(citrusRindColor(kind))))
  mesh.position.y = radius * 0.95
  return shadowed(mesh)
}

/** Fine dimples, so a sphere reads as citrus peel rather than a ball. */
function pittedTexture(color: string): THREE.CanvasTexture {
  return canvasTexture(128, 128, (ctx, w, h) => {
    ctx.fillStyle = color
    ctx.fillRect(0, 0, w, h)
    ctx.globalAlpha = 0.06
    for (let i = 0; i < 400; i++) {
      ctx.fillStyle = i % 2 ? '#000000' : '#ffffff'
      ctx.fillRect((i * 37) % w, (i * 61 + i * i) % h, 2, 2)
    }
    ctx.globalAlpha = 1
  })
}

/** An apple with a stem, red or green. */
export function apple(color: THREE.ColorRepresentation, radius = 3.8): THREE.Group {
  const group = new THREE.Group()
    // Taller than wide at the shoulders, narrowing to the bottom, with a dimple round the stem.
  const profile: Point[] = [[0, 0.1], [0.35, 0], [0.75, 0.2], [0.97, 0.7], [0.98, 1.15], [0.7, 1.52], [0.3, 1.5], [0.08, 1.38], [0, 1.36]]
  const skin = canvasTexture(64, 128, (ctx, w, h) => {
    // Smooth skin, a shade darker round the stem and the bottom (v runs from the bottom dimple to the stem).
    const base = new THREE.Color(color)
    const gradient = ctx.createLinearGradient(0, 0, 0, h)
    gradient.addColorStop(0, `#${base.clone().multiplyScalar(0.55).getHexString()}`)
    gradient.addColorStop(0.25, `#${base.getHexString()}`)
    gradient.addColorStop(0.7, `#${base.getHexString()}`)
    gradient.addColorStop(1, `#${base.clone().multiplyScalar(0.6).getHexString()}`)
    ctx.fillStyle = gradient
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = '#f4e8b0'
    ctx.globalAlpha = 0.35
    for (let i = 0; i < 40; i++) ctx.fillRect((i * 23) % w, (i * 37) % h, 1, 1)
    ctx.globalAlpha = 1
  })
  const body = new THREE.Mesh(lathe(smooth(profile.map(([r, y]): Point => [r * radius, y * radius]), 30), 40), glossy(0xffffff, 0.35, skin))
  const stem = new THREE.Mesh(new THREE.CylinderGeometry(0.12, 0.16, radius * 0.45, 8), matte(0x5a3b1c))
  stem.position.y = radius * 1.5
  stem.rotation.z = 0.25
  const leaf = mintLeaf(radius * 0.45, 0x4e8a2e)
  leaf.position.set(radius * 0.15, radius * 1.6, 0)
  leaf.rotation.set(-0.6, 0.4, -0.5)
  group.add(body, stem, leaf)
  return shadowed(group)
}

/** A tomato: squashed red sphere with a green star-shaped calyx. */
export function tomato(radius = 3): THREE.Group {
  const group = new THREE.Group()
  const body = new THREE.Mesh(new THREE.SphereGeometry(radius, 40, 24), glossy(0xd8281c, 0.25))
  body.scale.set(1, 0.82, 1)
  body.position.y = radius * 0.8
  group.add(body)
  for (let i = 0; i < 5; i++) {
    const leaf = mintLeaf(radius * 0.5, 0x3f7a22)
    leaf.position.set(0, radius * 1.6, 0)
    leaf.rotation.set(-Math.PI / 2 + 0.25, (i / 5) * Math.PI * 2, 0)
    group.add(leaf)
  }
  return shadowed(group)
}

/** A strawberry: a rounded cone with pale seeds and a green top. */
export function strawberry(size = 2.2): THREE.Group {
  const group = new THREE.Group()
  const skin = canvasTexture(128, 128, (ctx, w, h) => {
    ctx.fillStyle = '#d01e2e'
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = '#f6e28a'
    for (let y = 8; y < h; y += 14) for (let x = (y / 14) % 2 ? 4 : 11; x < w; x += 14) ctx.fillRect(x, y, 2, 3)
  })
  const body = new THREE.Mesh(lathe(smooth([[0, 0], [0.35, 0.2], [0.8, 0.8], [0.85, 1.1], [0.4, 1.25], [0, 1.25]].map(([r, y]): Point => [(r ?? 0) * size, (y ?? 0) * size]), 24), 24), glossy(0xffffff, 0.3, skin))
  group.add(body)
  for (let i = 0; i < 5; i++) {
    const leaf = mintLeaf(size * 0.5, 0x3f8a2a)
    leaf.position.set(0, size * 1.25, 0)
    leaf.rotation.set(-Math.PI / 2 + 0.4, (i / 5) * Math.PI * 2, 0)
    group.add(leaf)
  }
  return shadowed(group)
}

/** A leaf (mint, apple leaf, calyx): a flat pointed oval, slightly folded. */
export function mintLeaf(length: number, color: THREE.ColorRepresentation = 0x3f9a3a): THREE.Mesh {
  const shape = new THREE.Shape()
  shape.moveTo(0, 0)
  shape.quadraticCurveTo(length * 0.45, length * 0.35, 0, length)
  shape.quadraticCurveTo(-length * 0.45, length * 0.35, 0, 0)
  const mesh = new THREE.Mesh(new THREE.ShapeGeometry(shape, 8), new THREE.MeshStandardMaterial({ color, roughness: 0.5, side: THREE.DoubleSide }))
  mesh.castShadow = true
  return mesh
}

/** A sprig of mint: a few leaves around a point. */
export function mintSprig(size: number, rng: Rng): THREE.Group {
  const group = new THREE.Group()
  for (let i = 0; i < 5; i++) {
    const leaf = mintLeaf(size * between(rng, 0.8, 1.1))
    leaf.rotation.set(between(rng, -1.2, -0.3), (i / 5) * Math.PI * 2 + between(rng, -0.3, 0.3), between(rng, -0.3, 0.3))
    group.add(leaf)
  }
  return group
}

/** A drinking straw, tilted, from inside the glass to above the rim. */
export function straw(length: number, color: THREE.ColorRepresentation, stripe: THREE.ColorRepresentation = 0xffffff, radius = 0.3): THREE.Mesh {
  const mesh = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, length, 16, 1, true), new THREE.MeshStandardMaterial({ map: stripeTexture(color, stripe), roughness: 0.4, side: THREE.DoubleSide }))
  mesh.geometry.translate(0, length / 2, 0)
  return shadowed(mesh)
}

/** A green olive on a cocktail pick: the Martini sign. */
export function olivePick(length = 9): THREE.Group {
  const group = new THREE.Group()
  const pick = new THREE.Mesh(new THREE.CylinderGeometry(0.09, 0.09, length, 8), matte(0xd8b47a, 0.6))
  pick.position.y = length / 2
  const olive = new THREE.Mesh(new THREE.SphereGeometry(0.85, 24, 16), glossy(0x7a8f2a, 0.3))
  olive.scale.set(1, 1.3, 1)
  olive.position.y = length * 0.35
  const pimento = new THREE.Mesh(new THREE.SphereGeometry(0.32, 12, 8), glossy(0xc8281c, 0.4))
  pimento.position.set(0, length * 0.35 + 1.05, 0)
  const ball = new THREE.Mesh(new THREE.SphereGeometry(0.25, 12, 8), glossy(0xc8281c, 0.4))
  ball.position.y = length
  group.add(pick, olive, pimento, ball)
  return shadowed(group)
}

/** A cocktail cherry on a stem. */
export function cherry(radius = 0.9): THREE.Group {
  const group = new THREE.Group()
  const body = new THREE.Mesh(new THREE.SphereGeometry(radius, 24, 16), glossy(0xa8101c, 0.15))
  const stem = new THREE.Mesh(new THREE.CylinderGeometry(0.06, 0.06, radius * 2.6, 6), matte(0x5a3b1c))
  stem.position.set(radius * 0.3, radius * 1.5, 0)
  stem.rotation.z = -0.3
  group.add(body, stem)
  return shadowed(group)
}

/** A band of coarse salt round a rim (margarita). */
export function saltRim(radius: number, height: number): THREE.Mesh {
  const texture = canvasTexture(256, 32, (ctx, w, h) => {
    ctx.fillStyle = '#f4f2ec'
    ctx.fillRect(0, 0, w, h)
    ctx.fillStyle = '#c9c6bc'
    for (let i = 0; i < 300; i++) ctx.fillRect((i * 53) % w, (i * 17) % h, 2, 2)
  })
  const mesh = new THREE.Mesh(new THREE.TorusGeometry(radius, 0.32, 8, 64), new THREE.MeshStandardMaterial({ map: texture, roughness: 1 }))
  mesh.rotation.x = Math.PI / 2
  mesh.position.y = height - 0.15
  return mesh
}

/** Whipped cream in a swirl (hot chocolate). */
export function whippedCream(radius: number, rng: Rng): THREE.Group {
  const group = new THREE.Group()
  const material = new THREE.MeshStandardMaterial({ color: 0xfbf7ef, roughness: 0.85 })
  let r = radius
  let y = 0
  for (let i = 0; i < 4; i++) {
    const ring = new THREE.Mesh(new THREE.TorusGeometry(r, r * 0.38 + 0.4, 16, 48), material)
    ring.rotation.x = Math.PI / 2
    ring.position.y = y
    ring.rotation.z = between(rng, 0, Math.PI)
    group.add(ring)
    y += r * 0.45 + 0.35
    r *= 0.62
  }
  const tip = new THREE.Mesh(new THREE.ConeGeometry(r + 0.4, 1.4, 16), material)
  tip.position.y = y
  group.add(tip)
  return shadowed(group)
}

/**
 * Bubbles clinging to the glass in a fizzy drink: they sit on the outside of the liquid body (just inside the
 * glass), so they show even when the liquid itself is drawn opaque.
 */
export function bubbles(inner: Profile, count: number, bottom: number, top: number, rng: Rng, size = 0.1): THREE.InstancedMesh {
  const material = new THREE.MeshStandardMaterial({ color: 0xffffff, roughness: 0.15, transparent: true, opacity: 0.7, depthWrite: false })
  const mesh = new THREE.InstancedMesh(new THREE.SphereGeometry(1, 8, 6), material, count)
  const m = new THREE.Matrix4()
  for (let i = 0; i < count; i++) {
    const a = between(rng, -1.4, 1.4)
    const y = between(rng, bottom, top)
    const r = radiusAt(inner, y) - 0.03
    const s = size * between(rng, 0.5, 1.4)
    m.makeScale(s, s, s).setPosition(Math.sin(a) * r, y, Math.cos(a) * r)
    mesh.setMatrixAt(i, m)
  }
  mesh.renderOrder = 2
  return mesh
}

/** A round wooden or cardboard coaster (beer mat). */
export function coaster(radius: number, color: THREE.ColorRepresentation, ring: THREE.ColorRepresentation): THREE.Mesh {
  const texture = canvasTexture(256, 256, (ctx, w) => {
    ctx.fillStyle = `#${new THREE.Color(color).getHexString()}`
    ctx.fillRect(0, 0, w, w)
    ctx.strokeStyle = `#${new THREE.Color(ring).getHexString()}`
    ctx.lineWidth = 10
    ctx.beginPath()
    ctx.arc(w / 2, w / 2, w * 0.4, 0, Math.PI * 2)
    ctx.stroke()
  })
  const mesh = new THREE.Mesh(new THREE.CylinderGeometry(radius, radius, 0.3, 48), [matte(color, 0.9), matte(0xffffff, 0.9, texture), matte(color, 0.9)])
  mesh.position.y = 0.15
  mesh.receiveShadow = true
  return mesh
}

/** A soft shadow under an object standing on the table. */
export function contactShadow(radius: number, strength = 1): THREE.Mesh {
  const mesh = new THREE.Mesh(
    new THREE.PlaneGeometry(radius * 2.6, radius * 2.6),
    new THREE.MeshBasicMaterial({ map: shadowBlobTexture(), transparent: true, depthWrite: false, opacity: strength, toneMapped: false }),
  )
  mesh.rotation.x = -Math.PI / 2
  mesh.position.y = 0.02
  return mesh
}
