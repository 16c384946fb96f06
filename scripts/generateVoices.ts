/**
 * Writes placeholder voices and sound effects for VR scenes: `npx tsx scripts/generateVoices.ts [--scene child-eye]`.
 *
 * For every line with a `voice` or an `effect`, in Dutch and English, it writes
 * `assets/voice/<scene>/<lang>/placeholder/<line>.ogg` (Vorbis, mono, 24 kHz, peak −3 dBFS, 30 ms fades):
 * speech with espeak-ng, effects synthesised with SoX alone. The files are committed; a recording dropped in at
 * `assets/voice/<scene>/<lang>/<line>.ogg` replaces a placeholder without any change (scripts/voices/voiceFiles.ts).
 *
 * Needs the Debian packages `espeak-ng`, `sox` and `libsox-fmt-all` (for Ogg Vorbis); building and testing the
 * app do not. Output is deterministic (SoX `-R`), and a line whose hash in `assets/voice/<scene>/voices.json`
 * still matches is skipped.
 *
 * Options:
 *   --scene id   only this scene (default: every scene of kind `vr`)
 *   --force      regenerate even when up to date
 *   --verbose    print every espeak-ng and sox command
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Language } from '../src/script/localized.ts'
import { formatSceneError } from '../src/script/sceneError.ts'
import type { Line, ScenarioScript } from '../src/script/schema.ts'
import { readSceneFiles, repoRoot } from './sceneFiles.ts'
import {
  effectRecipes,
  encodeArgs,
  espeakArgs,
  placeholderHash,
  placeholderLines,
  placeholderVoicePath,
  readVoiceManifest,
  speechSettings,
  voiceLanguages,
  voiceManifestPath,
  type VoiceManifest,
  type VoiceManifestEntry,
} from './voices/voiceFiles.ts'

const args = process.argv.slice(2)
const verbose = args.includes('--verbose')
const force = args.includes('--force')
const sceneOption = args.includes('--scene') ? args[args.indexOf('--scene') + 1] : undefined
if (args.includes('--scene') && (!sceneOption || sceneOption.startsWith('--'))) {
  console.error('usage: npx tsx scripts/generateVoices.ts [--scene <id>] [--force] [--verbose]')
  process.exit(1)
}
let totalBytes = 0

interface Row {
  scene: string
  line: string
  lang: Language
  source: string
  status: 'written' | 'up to date' | 'removed'
  ms: number | string
  KiB: string
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`
}

function run(command: string, commandArgs: string[], cwd: string): string {
  if (verbose) console.log(`  $ ${[command, ...commandArgs].map(quote).join(' ')}`)
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8' })
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`)
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.map(quote).join(' ')} failed (${result.status}):\n${result.stderr}`)
  if (result.stderr.trim()) console.warn(result.stderr.trim())
  return result.stdout
}

function toolVersions(): Record<string, string> {
  const missing: string[] = []
  const versionOf = (command: string, pattern: RegExp): string => {
    const result = spawnSync(command, ['--version'], { encoding: 'utf8' })
    if (result.error || result.status !== 0) {
      missing.push(command)
      return ''
    }
    return pattern.exec(result.stdout)?.[1] ?? result.stdout.trim()
  }
  const tools = {
    'espeak-ng': versionOf('espeak-ng', /text-to-speech:\s*(\S+)/),
    sox: versionOf('sox', /SoX v(\S+)/),
  }
  if (missing.length === 0 && !/\bvorbis\b/.test(spawnSync('sox', ['-h'], { encoding: 'utf8' }).stdout)) missing.push('libsox-fmt-all')
  if (missing.length > 0) {
    console.error(`missing: ${missing.join(', ')}. On Debian: apt-get install espeak-ng sox libsox-fmt-all`)
    process.exit(2)
  }
  return tools
}

/** Makes one placeholder in a fresh temporary folder and copies it to `out`. */
function generate(line: Line, lang: Language, title: string, out: string): void {
  const work = mkdtempSync(join(tmpdir(), 'perspectief-voice-'))
  try {
    let wav: string
    if (line.effect) {
      for (const step of effectRecipes[line.effect]) run('sox', step, work)
      wav = 'effect.wav'
    } else if (line.voice) {
      run('espeak-ng', espeakArgs(speechSettings[lang][line.voice], 'speech.wav', line[lang]), work)
      wav = 'speech.wav'
    } else {
      throw new Error(`line ${title} has neither voice nor effect`)
    }
    run('sox', encodeArgs(wav, 'out.ogg', title), work)
    mkdirSync(dirname(out), { recursive: true })
    copyFileSync(join(work, 'out.ogg'), out)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

function durationMs(file: string): number {
  return Math.round(Number(run('soxi', ['-D', file], repoRoot).trim()) * 1000)
}

function scenesToVoice(): ScenarioScript[] {
  const files = readSceneFiles()
  const chosen = sceneOption ? files.filter((f) => f.id === sceneOption) : files
  if (sceneOption && chosen.length === 0) {
    console.error(`no scene "${sceneOption}" in scenes/ (known: ${files.map((f) => f.id).join(', ')})`)
    process.exit(1)
  }
  const scripts: ScenarioScript[] = []
  for (const { id, result } of chosen) {
    if (!result.ok) {
      // Only a broken VR scene (or the one asked for) stops the run; we cannot tell the kind of a broken file.
      if (sceneOption) {
        console.error(`scenes/${id}/scene.yaml has errors:`)
        for (const e of result.errors) console.error(`  ${formatSceneError(e)}`)
        process.exit(1)
      }
      console.warn(`skipping scenes/${id}/scene.yaml: it has errors (npm run scenes:check)`)
      continue
    }
    if (sceneOption || result.script.kind === 'vr') scripts.push(result.script)
  }
  return scripts
}

function voiceScene(script: ScenarioScript, tools: Record<string, string>, rows: Row[]): void {
  const old = readVoiceManifest(script.id)
  const manifest: VoiceManifest = {
    $comment: 'Placeholder voices, written by `npx tsx scripts/generateVoices.ts`; do not edit. A recording at assets/voice/<scene>/<lang>/<line>.ogg replaces a placeholder.',
    scene: script.id,
    tools: old?.tools ?? tools,
    lines: {},
  }
  let wrote = false
  const expected = new Set<string>()
  for (const [lineId, line] of placeholderLines(script)) {
    const entries: Partial<Record<Language, VoiceManifestEntry>> = {}
    for (const lang of voiceLanguages) {
      const file = placeholderVoicePath(script.id, lang, lineId)
      const abs = join(repoRoot, file)
      expected.add(file)
      const hash = placeholderHash(line, lang)
      const previous = old?.lines[lineId]?.[lang]
      const upToDate = !force && previous?.hash === hash && previous.durationMs > 0 && existsSync(abs)
      if (!upToDate) {
        generate(line, lang, `${script.id}/${lang}/${lineId}`, abs)
        wrote = true
      }
      const speech = line.effect ? undefined : line.voice ? speechSettings[lang][line.voice] : undefined
      const entry: VoiceManifestEntry = {
        file,
        hash,
        durationMs: upToDate && previous ? previous.durationMs : durationMs(abs),
        bytes: statSync(abs).size,
        ...(line.effect ? { effect: line.effect } : { voice: line.voice, espeak: speech }),
      }
      entries[lang] = entry
      totalBytes += entry.bytes
      rows.push({
        scene: script.id,
        line: lineId,
        lang,
        source: line.effect ? `sox: ${line.effect}` : `${line.voice} (${speech?.voice} -s ${speech?.speed} -p ${speech?.pitch})`,
        status: upToDate ? 'up to date' : 'written',
        ms: entry.durationMs,
        KiB: (entry.bytes / 1024).toFixed(1),
      })
    }
    manifest.lines[lineId] = entries
  }

  // Placeholders of lines that no longer exist or lost their voice (the placeholder folders belong to the generator).
  for (const lang of voiceLanguages) {
    const dir = join(repoRoot, dirname(placeholderVoicePath(script.id, lang, 'x')))
    if (!existsSync(dir)) continue
    for (const name of readdirSync(dir).sort()) {
      const file = placeholderVoicePath(script.id, lang, name.replace(/\.ogg$/, ''))
      if (!name.endsWith('.ogg') || expected.has(file)) continue
      rmSync(join(repoRoot, file))
      wrote = true
      rows.push({ scene: script.id, line: name.replace(/\.ogg$/, ''), lang, source: '', status: 'removed', ms: '', KiB: '' })
    }
  }

  if (wrote) manifest.tools = tools
  const text = `${JSON.stringify(manifest, null, 2)}\n`
  const path = join(repoRoot, voiceManifestPath(script.id))
  mkdirSync(dirname(path), { recursive: true })
  if (!old || `${JSON.stringify(old, null, 2)}\n` !== text) writeFileSync(path, text)
}

function main(): void {
  const tools = toolVersions()
  const scripts = scenesToVoice()
  if (scripts.length === 0) {
    console.log('no VR scenes to voice')
    return
  }
  const rows: Row[] = []
  for (const script of scripts) voiceScene(script, tools, rows)
  console.table(rows)
  const files = rows.filter((r) => r.status !== 'removed')
  const written = rows.filter((r) => r.status === 'written').length
  const removed = rows.filter((r) => r.status === 'removed').length
  const seconds = files.reduce((sum, r) => sum + Number(r.ms), 0) / 1000
  console.log(
    `voices: ${written} written, ${files.length - written} up to date, ${removed} removed; ` +
      `${files.length} files, ${(totalBytes / 1024).toFixed(0)} KiB, ${seconds.toFixed(1)} s in ${scripts.map((s) => s.id).join(', ')}`,
  )
}

main()
