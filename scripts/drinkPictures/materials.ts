/**
 * Materials. Glass is 'fake glass': a see-through physical material lit by the room environment map, not three.js
 * transmission, which is slow and noisy under SwiftShader and not needed at phone-picture size.
 */
import * as THREE from 'three'

export type ColorLike = THREE.ColorRepresentation

/**
 * Real glass is nearly invisible face-on and turns into a mirror at grazing angles (Fresnel). Plain opacity cannot
 * do that, so the shader is patched: alpha rises towards the silhouette, which draws the outline of the glass.
 */
function addFresnelAlpha(material: THREE.Material, edgeAlpha: number, power: number): void {
  material.onBeforeCompile = (shader) => {
    shader.uniforms.edgeAlpha = { value: edgeAlpha }
    shader.uniforms.edgePower = { value: power }
    shader.fragmentShader = shader.fragmentShader
      .replace('void main() {', 'uniform float edgeAlpha;\nuniform float edgePower;\nvoid main() {')
      .replace(
        '#include <opaque_fragment>',
        `float facing = abs( dot( normalize( normal ), normalize( vViewPosition ) ) );
        diffuseColor.a = mix( diffuseColor.a, edgeAlpha, pow( 1.0 - facing, edgePower ) );
        #include <opaque_fragment>`,
      )
  }
  // Different edge settings need different programs.
  material.customProgramCacheKey = () => `fresnel-${edgeAlpha}-${power}`
}

export interface GlassOptions {
  tint?: ColorLike
  opacity?: number
  edgeAlpha?: number
  roughness?: number
  envIntensity?: number
}

/** Clear or tinted glass. Tinted bottle glass (brown, green) uses a higher opacity. */
export function glass({ tint = 0x56605f, opacity = 0.14, edgeAlpha = 0.75, roughness = 0.04, envIntensity = 1.8 }: GlassOptions = {}): THREE.MeshPhysicalMaterial {
  const material = new THREE.MeshPhysicalMaterial({
    color: tint,
    metalness: 0,
    roughness,
    transparent: true,
    opacity,
    depthWrite: false,
    envMapIntensity: envIntensity,
    clearcoat: 1,
    clearcoatRoughness: 0.03,
    specularIntensity: 1,
  })
  addFresnelAlpha(material, edgeAlpha, 2.5)
  return material
}

export interface LiquidOptions {
  opacity?: number
  roughness?: number
  /** A little self-glow imitates light scattered inside juice and beer, which a plain lit surface lacks. */
  glow?: number
  /** Brightness factor at the edges of the liquid (see addThicknessShading). */
  edgeShade?: number
  /**
   * A clear drink (beer, wine, whisky, tea, cola): its colour is light passing through it, not light bouncing off it.
   * Lit as a matte surface such drinks look like paint or juice, so most of the colour moves into the glow and the
   * surface keeps only a dim diffuse part plus its reflections.
   */
  clear?: boolean
}

/**
 * Light crosses more liquid near the sides of a glass than through its middle, so real drinks look darker and
 * richer at the edges and glow in the centre. This patch shades the base colour and the glow by the viewing angle.
 */
function addThicknessShading(material: THREE.Material, edgeShade: number): void {
  const previous = material.onBeforeCompile
  material.onBeforeCompile = (shader, renderer) => {
    previous.call(material, shader, renderer)
    shader.uniforms.edgeShade = { value: edgeShade }
    shader.fragmentShader = shader.fragmentShader
      .replace('void main() {', 'uniform float edgeShade;\nvoid main() {')
      .replace(
        '#include <lights_physical_fragment>',
        `float throughLiquid = pow( abs( dot( normalize( normal ), normalize( vViewPosition ) ) ), 0.8 );
        diffuseColor.rgb *= mix( edgeShade, 1.0, throughLiquid );
        totalEmissiveRadiance *= throughLiquid;
        #include <lights_physical_fragment>`,
      )
  }
}

/** A liquid body. Opaque liquids (milk, juice, cola) draw in the opaque pass; clear ones blend. */
export function liquid(color: ColorLike, { opacity = 1, roughness = 0.12, glow = 0.12, edgeShade = 0.55, clear = false }: LiquidOptions = {}): THREE.MeshPhysicalMaterial {
  const c = new THREE.Color(color)
  const material = new THREE.MeshPhysicalMaterial({
    color: clear ? c.clone().multiplyScalar(0.3) : c,
    emissive: c.clone().multiplyScalar(clear ? Math.max(glow, 0.45) : glow),
    roughness,
    metalness: 0,
    clearcoat: 0.6,
    clearcoatRoughness: 0.1,
    transparent: opacity < 1,
    opacity,
    // Clear liquids still write depth so the far wall of the glass does not draw over them.
    depthWrite: true,
  })
  if (opacity < 1) addFresnelAlpha(material, Math.min(1, opacity + 0.3), 2)
  addThicknessShading(material, edgeShade)
  material.customProgramCacheKey = () => `liquid-${opacity < 1}-${edgeShade}`
  if (clear) material.userData.surface = () => clearSurface(c, opacity)
  return material
}

/**
 * The top of a clear drink, seen from above, is dark and mirror-like (the depth below is dark); lit like the side
 * it turns into a pale disc that makes whisky look like juice.
 */
function clearSurface(color: THREE.Color, opacity: number): THREE.MeshPhysicalMaterial {
  return new THREE.MeshPhysicalMaterial({
    color: color.clone().multiplyScalar(0.15),
    emissive: color.clone().multiplyScalar(0.3),
    roughness: 0.08,
    metalness: 0,
    // Dark rooms are rendered at high exposure; a stronger mirror image of the bright studio would wash it out.
    envMapIntensity: 0.15,
    transparent: opacity < 1,
    opacity,
  })
}

export function matte(color: ColorLike, roughness = 0.7, map: THREE.Texture | null = null): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({ color, roughness, metalness: 0, map })
}

export function glossy(color: ColorLike, roughness = 0.25, map: THREE.Texture | null = null): THREE.MeshPhysicalMaterial {
  return new THREE.MeshPhysicalMaterial({ color, roughness, metalness: 0, map, clearcoat: 0.8, clearcoatRoughness: 0.15 })
}

/** Metal shows nothing but reflections, so it gets a stronger environment than other materials, or it looks black. */
export function metal(color: ColorLike, roughness = 0.3, map: THREE.Texture | null = null): THREE.MeshStandardMaterial {
  return new THREE.MeshStandardMaterial({ color, roughness, metalness: 1, map, envMapIntensity: 2.5 })
}

/** Ceramic cups and jugs: white-ish, glazed. */
export function ceramic(color: ColorLike = 0xf4f1ea): THREE.MeshPhysicalMaterial {
  return new THREE.MeshPhysicalMaterial({ color, roughness: 0.35, metalness: 0, clearcoat: 1, clearcoatRoughness: 0.08 })
}

/** Ice: frosty, brighter than glass, still see-through. */
export function ice(): THREE.MeshPhysicalMaterial {
  const material = new THREE.MeshPhysicalMaterial({
    color: 0xeef6fa,
    roughness: 0.18,
    transparent: true,
    opacity: 0.35,
    depthWrite: false,
    envMapIntensity: 1.6,
    clearcoat: 1,
  })
  addFresnelAlpha(material, 0.85, 1.6)
  return material
}

/**
 * The surface of water. Still water is nearly invisible; what shows it is the bright, mirror-like surface ellipse
 * and a faint blue tint, so the surface gets strong reflections while the body stays almost clear.
 */
export function waterSurface(): THREE.MeshPhysicalMaterial {
  return new THREE.MeshPhysicalMaterial({
    color: 0xd0e6f4,
    roughness: 0.02,
    metalness: 0,
    transparent: true,
    opacity: 0.5,
    envMapIntensity: 2.2,
    clearcoat: 1,
  })
}
