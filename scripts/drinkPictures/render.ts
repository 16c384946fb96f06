/**
 * The page side of the generator: bundled with esbuild and loaded into headless Chromium by
 * scripts/generateDrinkPictures.ts, which drives it through window.drinkPictures.
 */
import * as THREE from 'three'
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js'
import { builders } from './drinks.ts'
import { meanRelativeLuminance } from './luminance.ts'
import { rngFor } from './random.ts'
import { buildStage, fitWallToView, frameCamera } from './stage.ts'

export const SIZE = 480
/** Rendered at twice the size and scaled down: smooth glass edges without relying on MSAA in SwiftShader. */
const SUPERSAMPLE = 2

const renderer = new THREE.WebGLRenderer({ antialias: true, preserveDrawingBuffer: true })
renderer.setPixelRatio(1)
renderer.setSize(SIZE * SUPERSAMPLE, SIZE * SUPERSAMPLE)
// Neutral tone mapping keeps drink colours (the orange of juice, the red of wine) close to what was asked for.
renderer.toneMapping = THREE.NeutralToneMapping
renderer.outputColorSpace = THREE.SRGBColorSpace
renderer.shadowMap.enabled = true
renderer.shadowMap.type = THREE.PCFShadowMap
document.body.appendChild(renderer.domElement)

// The room environment: reflections on glass come from this, made once and shared by all scenes.
const pmrem = new THREE.PMREMGenerator(renderer)
const environment = pmrem.fromScene(new RoomEnvironment(), 0.04).texture

const output = document.createElement('canvas')
output.width = output.height = SIZE
const outputContext = output.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
document.body.appendChild(output)

let current: { scene: THREE.Scene; camera: THREE.PerspectiveCamera } | null = null

function dispose(scene: THREE.Scene): void {
  scene.traverse((object) => {
    if (!(object instanceof THREE.Mesh)) return
    object.geometry.dispose()
    for (const material of [object.material].flat() as THREE.Material[]) {
      for (const value of Object.values(material)) if (value instanceof THREE.Texture) value.dispose()
      material.dispose()
    }
  })
}

/**
 * Gives every lit material the room environment explicitly. three.js replaces a material's envMapIntensity with
 * scene.environmentIntensity when the map comes from scene.environment, which would flatten glass (strong
 * reflections) and tables (weak ones) to the same value; set per material, the stage's ambient becomes a factor.
 */
function useEnvironment(scene: THREE.Scene): void {
  const ambient = scene.environmentIntensity
  const done = new Set<THREE.Material>()
  scene.traverse((object) => {
    if (!(object instanceof THREE.Mesh)) return
    for (const material of [object.material].flat()) {
      // Materials can be shared between meshes (ice cubes); scale each only once.
      if (material instanceof THREE.MeshStandardMaterial && material.envMap === null && !done.has(material)) {
        done.add(material)
        material.envMap = environment
        material.envMapIntensity *= ambient
      }
    }
  })
}

function build(id: string): void {
  const builder = builders[id]
  if (!builder) throw new Error(`no scene builder for ${id}`)
  if (current) dispose(current.scene)
  const rng = rngFor(id)
  const scene = new THREE.Scene()
  scene.environment = environment
  const drink = builder(rng)
  const { wall } = buildStage(scene, drink.stage, rng)
  scene.add(drink.subject)
  for (const extra of drink.extras ?? []) scene.add(extra)
  useEnvironment(scene)
  const camera = new THREE.PerspectiveCamera()
  frameCamera(camera, drink.frameOn ?? drink.subject, drink.framing)
  fitWallToView(wall, camera)
  current = { scene, camera }
}

function render(exposure: number): number {
  if (!current) throw new Error('build a scene first')
  renderer.toneMappingExposure = exposure
  renderer.render(current.scene, current.camera)
  outputContext.imageSmoothingEnabled = true
  outputContext.imageSmoothingQuality = 'high'
  outputContext.drawImage(renderer.domElement, 0, 0, SIZE, SIZE)
  return meanRelativeLuminance(outputContext.getImageData(0, 0, SIZE, SIZE).data)
}

async function blobToDataUrl(blob: Blob): Promise<string> {
  return await new Promise((resolve) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as string)
    reader.readAsDataURL(blob)
  })
}

/** Encodes the current picture as WebP and measures the luminance of the decoded file, i.e. what users will see. */
async function encode(quality: number): Promise<{ dataUrl: string; luminance: number; width: number; height: number }> {
  const blob = await new Promise<Blob>((resolve, reject) => output.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/webp', quality))
  const bitmap = await createImageBitmap(blob)
  const check = document.createElement('canvas')
  check.width = bitmap.width
  check.height = bitmap.height
  const ctx = check.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D
  ctx.drawImage(bitmap, 0, 0)
  const luminance = meanRelativeLuminance(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data)
  return { dataUrl: await blobToDataUrl(blob), luminance, width: bitmap.width, height: bitmap.height }
}

/** A labelled grid of pictures, for looking at the whole set at once. */
async function contactSheet(items: { label: string; dataUrl: string }[], columns = 8, cell = 240): Promise<string> {
  const rows = Math.ceil(items.length / columns)
  const sheet = document.createElement('canvas')
  sheet.width = columns * cell
  sheet.height = rows * (cell + 22)
  const ctx = sheet.getContext('2d') as CanvasRenderingContext2D
  ctx.fillStyle = '#222'
  ctx.fillRect(0, 0, sheet.width, sheet.height)
  ctx.font = '14px sans-serif'
  for (const [i, item] of items.entries()) {
    const image = new Image()
    image.src = item.dataUrl
    await image.decode()
    const x = (i % columns) * cell
    const y = Math.floor(i / columns) * (cell + 22)
    ctx.drawImage(image, x + 2, y + 2, cell - 4, cell - 4)
    ctx.fillStyle = '#eee'
    ctx.fillText(item.label, x + 4, y + cell + 15)
  }
  return sheet.toDataURL('image/png')
}

declare global {
  interface Window {
    drinkPictures: {
      ids: () => string[]
      build: typeof build
      render: typeof render
      encode: typeof encode
      png: () => string
      contactSheet: typeof contactSheet
    }
  }
}

window.drinkPictures = {
  ids: () => Object.keys(builders),
  build,
  render,
  encode,
  png: () => output.toDataURL('image/png'),
  contactSheet,
}
