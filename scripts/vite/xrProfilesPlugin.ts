import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Plugin } from 'vite'
import { repoRoot } from '../sceneFiles.ts'

const source = join(repoRoot, 'node_modules/@webxr-input-profiles/assets/dist/profiles')
/** The Quest controllers: the only models a headset session may ask for (about 2.3 MB). */
const profiles = ['meta-quest-touch-plus', 'meta-quest-touch-pro', 'oculus-touch-v3']

function files(): string[] {
  const out = ['profilesList.json']
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(source, path))
    }
  }
  for (const p of profiles) if (existsSync(join(source, p))) walk(join(source, p))
  return out
}

/**
 * Serves the WebXR controller profiles (MIT, @webxr-input-profiles/assets) from the app's own origin under
 * `xr-profiles/`: by default @react-three/xr loads them from a CDN, which fails offline and leaks a request.
 */
export function xrProfilesPlugin(): Plugin {
  return {
    name: 'perspectief-xr-profiles',
    configureServer(server) {
      server.middlewares.use('/xr-profiles/', (req, res, next) => {
        const path = join(source, decodeURIComponent((req.url ?? '').split('?')[0]!))
        if (!path.startsWith(source) || !existsSync(path) || statSync(path).isDirectory()) return next()
        res.setHeader('Content-Type', path.endsWith('.json') ? 'application/json' : path.endsWith('.glb') ? 'model/gltf-binary' : 'application/octet-stream')
        res.end(readFileSync(path))
      })
    },
    generateBundle() {
      for (const file of files()) this.emitFile({ type: 'asset', fileName: `xr-profiles/${file}`, source: readFileSync(join(source, file)) })
    },
  }
}
