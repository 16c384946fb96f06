/// <reference types="vitest/config" />
import react from '@vitejs/plugin-react'
import basicSsl from '@vitejs/plugin-basic-ssl'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { roomRelayPlugin } from './scripts/vite/roomRelayPlugin.ts'
import { scenesPlugin } from './scripts/vite/scenesPlugin.ts'
import { xrProfilesPlugin } from './scripts/vite/xrProfilesPlugin.ts'

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

/** The built app may load nothing from elsewhere; the dev server needs inline scripts for hot reload, so only the build gets the policy. */
function contentSecurityPolicy(): Plugin {
  const policy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; media-src 'self' blob: data:; connect-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'none'"
  return {
    name: 'perspectief-csp',
    apply: 'build',
    // After the charset declaration, which must come first in <head>.
    transformIndexHtml: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`),
  }
}

// Builds for the e2e tests (PERSPECTIEF_TEST_MODE=1) have a faster scene clock and keep source maps for stack traces;
// a production build ships no source maps.
const testMode = process.env.PERSPECTIEF_TEST_MODE === '1'

// HTTPS=1 npm start serves over HTTPS on the LAN (a headset only gets WebXR on a secure origin).
const https = process.env.HTTPS === '1'

const repoRoot = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  // The page lives in src/ so the top level holds only what the project layout fixes.
  root: 'src',
  envDir: repoRoot,
  // Files served as they are (the app icon); everything else is imported and hashed by the build.
  publicDir: join(repoRoot, 'assets/icons'),
  plugins: [
    react(),
    scenesPlugin(),
    xrProfilesPlugin(),
    roomRelayPlugin(),
    contentSecurityPolicy(),
    // Offline after the first visit, installable on a phone. Updates wait for the client (`prompt`) and are
    // offered between sessions only, never in the middle of one.
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Perspectief',
        short_name: 'Perspectief',
        description: 'Oefenen voor de reclassering / Practice for probation',
        lang: 'nl',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f6f4ef',
        theme_color: '#1f5f8b',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      includeAssets: ['icon.svg'],
      workbox: {
        globPatterns: ['**/*.{js,css,html,webp,jpg,png,svg,json,ogg,wav}'],
        // drill.html?session=… must come from the precache, so query strings do not take part in matching.
        ignoreURLParametersMatching: [/.*/],
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/drill\.html/, /debrief\.html/, /console\.html/],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        cleanupOutdatedCaches: true,
      },
    }),
    ...(https ? [basicSsl()] : []),
  ],
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
    // Test mode (a faster scene clock via ?speed=N) only exists in builds made for the e2e tests.
    __TEST_MODE__: JSON.stringify(testMode),
  },
  preview: { port: 4319, strictPort: true },
  build: {
    target: 'es2022',
    sourcemap: testMode,
    outDir: '../dist',
    emptyOutDir: true,
    // Pictures stay files (cached, streamed, counted), never data: URLs inside the drill's JavaScript.
    assetsInlineLimit: 0,
    // Three pages: the lobby (and VR), the phone drill, which must stay small, and the trainer's debrief.
    rollupOptions: { input: { main: join(repoRoot, 'src/index.html'), drill: join(repoRoot, 'src/drill.html'), debrief: join(repoRoot, 'src/debrief.html'), console: join(repoRoot, 'src/console.html') } },
  },
  server: { host: https ? true : 'localhost', port: 5173, fs: { allow: [repoRoot] } },
  test: {
    root: repoRoot,
    // The model tests walk every path of every scene, and the property tests run thousands of inputs: seconds on a
    // quiet machine, more on a shared one, so a test may take up to 30 s before it counts as hung.
    testTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'node', environment: 'node', include: ['src/**/*.test.ts', 'test/model/**/*.test.ts', 'scripts/**/*.test.ts'] } },
      // Component tests of screens with Testing Library (the debrief's alliance view), in jsdom.
      { extends: true, test: { name: 'dom', environment: 'jsdom', include: ['src/**/*.test.tsx'] } },
    ],
  },
})
