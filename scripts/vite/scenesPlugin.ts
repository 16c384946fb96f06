import { readFileSync } from 'node:fs'
import { basename, dirname, join, relative, sep } from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import { formatSceneError } from '../../src/script/sceneError.ts'
import { scriptHash } from '../../src/script/scriptHash.ts'
import { StimulusManifest } from '../../src/script/stimulusManifest.ts'
import { readSceneFiles, repoRoot, scenesDir } from '../sceneFiles.ts'
import { voiceFileFor } from '../voices/voiceFiles.ts'
import { oggDurationMs } from './oggDuration.ts'

export const scenesModuleId = 'virtual:perspectief/scenes'
/** The drill scenes only: the phone drill's page loads no VR script it never shows (smaller entry, faster first trial). */
export const drillScenesModuleId = 'virtual:perspectief/drill-scenes'
const resolvedId = `\0${scenesModuleId}`
const resolvedDrillId = `\0${drillScenesModuleId}`

export interface ScenesPluginOptions {
  /** The folder of scene folders. Default: `scenesDir`, which is `scenes/` unless PERSPECTIEF_SCENES_DIR says otherwise. */
  dir?: string
}

/** True for `<dir>/<scene>/scene.yaml`: the one file whose appearing or going changes the list of scenes. */
function isSceneFile(dir: string, file: string): boolean {
  const inside = relative(dir, file)
  return !inside.startsWith('..') && inside.split(sep).length === 2 && basename(file) === 'scene.yaml'
}

/**
 * The list of scenes is a folder listing, which is not a module Vite can watch: a watched folder becomes an
 * import of the virtual module in the dev server, and a folder cannot be imported (Vite 8). So the dev server's
 * own file watcher looks at the folder. A scene.yaml that appears, goes or changes invalidates the module and
 * reloads the page. That includes a file whose last load failed: a module that failed to load has no watched
 * files in Vite's graph, so its fix would otherwise go unnoticed.
 */
function watchSceneFolder(server: ViteDevServer, dir: string) {
  server.watcher.add(dir)
  const scenesChanged = (file: string) => {
    if (!isSceneFile(dir, file)) return
    for (const environment of Object.values(server.environments)) {
      for (const id of [resolvedId, resolvedDrillId]) {
        const module = environment.moduleGraph.getModuleById(id)
        if (module) environment.moduleGraph.invalidateModule(module)
      }
    }
    server.ws.send({ type: 'full-reload' })
  }
  server.watcher.on('add', scenesChanged)
  server.watcher.on('unlink', scenesChanged)
  server.watcher.on('change', scenesChanged)
}

/**
 * `import scenes from 'virtual:perspectief/scenes'`: every scene in scenes/, validated at build time, with its
 * hash and, for drills, the stimulus pictures as files Vite emits. A scene with an error stops the build (and
 * shows the error in the dev server's overlay and terminal) with file, line and path.
 * `virtual:perspectief/drill-scenes` is the same list with the drills only.
 */
export function scenesPlugin(options: ScenesPluginOptions = {}): Plugin {
  const dir = options.dir ?? scenesDir
  return {
    name: 'perspectief-scenes',
    resolveId: (source) => (source === scenesModuleId ? resolvedId : source === drillScenesModuleId ? resolvedDrillId : undefined),
    configureServer: (server) => watchSceneFolder(server, dir),
    // The watcher above reloads the page for scene files; Vite's own update of them would only repeat it.
    hotUpdate: ({ file }) => (isSceneFile(dir, file) ? [] : undefined),
    async load(id) {
      if (id !== resolvedId && id !== resolvedDrillId) return undefined
      const drillOnly = id === resolvedDrillId
      const imports: string[] = []
      const entries: string[] = []
      for (const scene of readSceneFiles(dir)) {
        this.addWatchFile(join(dir, scene.id, 'scene.yaml'))
        if (!scene.result.ok) this.error(`Scene errors:\n${scene.result.errors.map(formatSceneError).join('\n')}`)
        const { script } = scene.result
        // Every scene is still validated, so an error anywhere stops the build whichever page asks.
        if (drillOnly && script.kind !== 'drill') continue
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
