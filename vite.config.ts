/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import basicSsl from '@vitejs/plugin-basic-ssl'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { scenesPlugin } from './scripts/vite/scenesPlugin.ts'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

/** The built app may load nothing from elsewhere; the dev server needs inline scripts for hot reload, so only the build gets the policy. */
function contentSecurityPolicy(): Plugin {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob: data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"
  return {
    name: 'perspectief-csp',
    apply: 'build',
    transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  }
}

// HTTPS=1 npm start serves over HTTPS on the LAN (a headset only gets WebXR on a secure origin).
const https = process.env.HTTPS === '1'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  // The page lives in src/ so the top level holds only what the project layout fixes.
  root: 'src',
  envDir: repoRoot,
  publicDir: false,
  plugins: [react(), scenesPlugin(), contentSecurityPolicy(), ...(https ? [basicSsl()] : [])],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // Test mode (a faster scene clock via ?speed=N) only exists in builds made for the e2e tests.
    __TEST_MODE__: JSON.stringify(process.env.PERSPECTIEF_TEST_MODE === '1'),
  },
  preview: { port: 4319, strictPort: true },
  build: { target: 'es2022', sourcemap: true, outDir: '../dist', emptyOutDir: true },
  server: { host: https ? true : 'localhost', port: 5173, fs: { allow: [repoRoot] } },
  test: {
    root: repoRoot,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['src/**/*.test.ts', 'test/model/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: ['src/**/*.test.tsx'] } },
    ],
  },
})
