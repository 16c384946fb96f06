import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Plugin } from 'vite'
import { formatSceneError } from '../../src/script/sceneError.ts'
import { scriptHash } from '../../src/script/scriptHash.ts'
import { StimulusManifest } from '../../src/script/stimulusManifest.ts'
import { readSceneFiles, repoRoot, scenesDir } from '../sceneFiles.ts'
import { voiceFileFor } from '../voices/voiceFiles.ts'
import { oggDurationMs } from './oggDuration.ts'

export const scenesModuleId = 'virtual:perspectief/scenes'
const resolvedId = `\0${scenesModuleId}`

/**
 * `import scenes from 'virtual:perspectief/scenes'`: every scene in scenes/, validated at build time, with its
 * hash and, for drills, the stimulus pictures as files Vite emits. A scene with an error stops the build (and
 * shows the error in the dev server) with file, line and path.
 */
export function scenesPlugin(): Plugin {
  return {
    name: 'perspectief-scenes',
    resolveId: (source) => (source === scenesModuleId ? resolvedId : undefined),
    async load(id) {
      if (id !== resolvedId) return undefined
      this.addWatchFile(scenesDir)
      const imports: string[] = []
      const entries: string[] = []
      for (const scene of readSceneFiles()) {
        this.addWatchFile(join(scenesDir, scene.id, 'scene.yaml'))
        if (!scene.result.ok) this.error(`Scene errors:\n${scene.result.errors.map(formatSceneError).join('\n')}`)
        const { script } = scene.result
        const sets: string[] = []
        for (const [setId, manifestPath] of Object.entries(script.drill?.stimulusSets ?? {})) {
          const absolute = join(repoRoot, manifestPath)
          this.addWatchFile(absolute)
          const parsed = StimulusManifest.safeParse(JSON.parse(readFileSync(absolute, 'utf8')))
          if (!parsed.success) {
            this.error(`${manifestPath}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
          }
          const manifest = parsed.data
          const stimuli = manifest.stimuli.map((s) => {
            const name = `stimulus${imports.length}`
            imports.push(`import ${name} from ${JSON.stringify(`${join(dirname(absolute), s.file)}?url`)}`)
            const { file: _file, bytes: _bytes, meanLuminance: _luminance, ...rest } = s
            return `{ ...${JSON.stringify({ ...rest, width: manifest.width, height: manifest.height })}, url: ${name} }`
          })
          sets.push(`${JSON.stringify(setId)}: [${stimuli.join(',\n')}]`)
        }
        // VR scenes: every voiced line's file (a recording if one was dropped in, else the placeholder), with its length.
        const voices: string[] = []
        if (script.kind === 'vr') {
          for (const lang of ['nl', 'en'] as const) {
            const lines: string[] = []
            for (const [lineId, line] of Object.entries(script.lines)) {
              if (!line.voice && !line.effect) continue
              const file = voiceFileFor(script.id, lang, lineId)
              if (!file) continue
              const absolute = join(repoRoot, file)
              this.addWatchFile(absolute)
              const durationMs = oggDurationMs(readFileSync(absolute))
              if (durationMs === null) this.error(`${file}: not an Ogg Vorbis file`)
              const name = `voice${imports.length}`
              imports.push(`import ${name} from ${JSON.stringify(`${absolute}?url`)}`)
              lines.push(`${JSON.stringify(lineId)}: { url: ${name}, durationMs: ${durationMs} }`)
            }
            voices.push(`${lang}: { ${lines.join(', ')} }`)
          }
        }
        entries.push(
          `{ script: ${JSON.stringify(script)}, hash: ${JSON.stringify(await scriptHash(script))}, file: ${JSON.stringify(scene.file)}, stimulusSets: { ${sets.join(',\n')} }${voices.length ? `, voices: { ${voices.join(', ')} }` : ''} }`,
        )
      }
      return `${imports.join('\n')}\nexport default [\n${entries.join(',\n')}\n]\n`
    },
  }
}
