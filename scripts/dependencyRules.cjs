/**
 * The layer order of src/, enforced by dependency-cruiser (`npm test`, stage "layers"):
 *
 *   npx depcruise src --config scripts/dependencyRules.cjs --output-type err
 *
 * Data flows from the top of `layers` to the bottom (README, "Layers": the same list). A folder may import its own
 * files and the folders of the levels above it, never a folder of its own level or of a level below. So the screens
 * (level 8) do not import each other, and nothing imports app/, the composition root. The files at the top of src/
 * (main.tsx, env.d.ts) are entry points and may import anything. Import cycles are forbidden everywhere in src/.
 *
 * Tests next to the code (`*.test.ts`) may also use a later layer's helpers (the engine's tests run on storage's
 * in-memory store); the rules bind the code that ships.
 */
const layers = [
  ['script'], // scene schema, parse, validate: data in, typed script out
  ['i18n', 'avatar', 'room'], // texts and languages; the client's avatar choices as data; the console relay's protocol and links
  ['compile'], // script -> machine config
  ['engine'], // machines, runtime, persistence envelope, clock
  ['storage', 'log'], // IndexedDB and in-memory stores; event rows, summaries, AAT scores
  ['export'], // JSON bundle, Psych-DS, encrypted file, calendar
  ['state', 'widgets', 'audio'], // the lobby's store and session lifecycle; shared 2D widgets; sound and microphone
  ['ui', 'drill', 'xr', 'debrief', 'console'], // the screens: 2D lobby, phone drill, VR, trainer's debrief, trainer's console
  ['app'], // composition root: wires the screens to the state; nothing imports it
]

const known = layers.flat()
const folder = (names) => `^src/(${names.join('|')})/`
const isTest = '\\.test\\.tsx?$'

const layerRules = layers.flatMap((level, i) =>
  level.map((name) => {
    const above = layers.slice(0, i).flat()
    const notAllowed = known.filter((other) => other !== name && !above.includes(other))
    return {
      name: `layer-${name}`,
      severity: 'error',
      comment: `src/${name}/ may import only ${above.length ? above.map((f) => `src/${f}/`).join(', ') : 'nothing else in src/'} (scripts/dependencyRules.cjs, README "Layers")`,
      from: { path: `^src/${name}/`, pathNot: isTest },
      to: { path: folder(notAllowed) },
    }
  }),
)

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: split the shared part into a module both may import.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'layer-unknown-folder',
      severity: 'error',
      comment: `Every folder of src/ has a place in the layer order: add it to scripts/dependencyRules.cjs and the README.`,
      from: { path: '^src/[^/]+/', pathNot: `${folder(known)}|${isTest}` },
      to: { path: '^src/' },
    },
    {
      name: 'layer-into-unknown-folder',
      severity: 'error',
      comment: `Every folder of src/ has a place in the layer order: add it to scripts/dependencyRules.cjs and the README.`,
      from: { path: '^src/', pathNot: isTest },
      to: { path: '^src/[^/]+/', pathNot: folder(known) },
    },
  ],
  options: {
    includeOnly: '^src/',
    // TypeScript 7 has no JavaScript API for dependency-cruiser to parse with: Babel strips the types instead, keeping
    // type-only imports as imports (an `import type` from a later layer is a layer break too). @swc/core is installed
    // only because dependency-cruiser scans .ts/.tsx files when it finds a TypeScript or swc compiler.
    parser: 'acorn',
    babelConfig: { fileName: require('node:path').join(__dirname, 'dependencyRules.babel.cjs') },
  },
}

// The order itself, for the test that keeps the README's list the same (not a dependency-cruiser option).
Object.defineProperty(module.exports, 'layers', { value: layers, enumerable: false })
