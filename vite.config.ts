import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { VitePWA } from 'vite-plugin-pwa';
import { chromiumArgs, chromiumPath } from './src/cli/chromium.ts';

export default defineConfig({
  publicDir: 'assets',
  base: './',
  resolve: {
    alias: [
      // Howler's core build: the game plays one-shot and looping sounds only, never the spatial
      // plugin (stereo/pos/orientation) that the default entry bundles too (~1.7 kB gzip).
      { find: /^howler$/, replacement: 'howler/dist/howler.core.min.js' },
    ],
  },
  plugins: [
    // Offline solo play: after the first visit a service worker serves the whole game (code, fonts,
    // sounds, map, levels) from its cache. Registered from src/main.ts.
    VitePWA({
      injectRegister: false,
      registerType: 'autoUpdate',
      manifest: {
        name: '1·25 — the day Korea went dark',
        short_name: '1·25',
        description: 'Incident-response training game: SQL Slammer, Korea, 25 January 2003',
        lang: 'ko',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#0b1320',
        theme_color: '#0b1320',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wav,json,woff2,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    // Every browser that runs ES2022 modules supports <link rel="modulepreload">: the polyfill
    // would only add bytes to the first download.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      // The pure core (engine, game rules, after-action review) has no import-time side effects
      // (ESLint keeps it free of DOM, timers and globals) apart from zod's message locale set up
      // in src/engine/zod.ts. Saying so lets the bundler leave out modules the screens re-export
      // through src/game/index.ts but never call, instead of pulling them into the first download.
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]src[\\/](game|engine|aar)[\\/]/.test(id) ||
          /[\\/]src[\\/]engine[\\/]zod\.ts$/.test(id),
      },
      output: {
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /node_modules[\\/]phaser/ },
            // The chart library has its own budget line in the bench.
            { name: 'uplot', test: /node_modules[\\/]uplot/ },
            // Small modules the solo path shares with the lazy screens: one chunk rather than a
            // file each (every chunk costs its own gzip header and import/export lines).
            {
              name: 'shared',
              test: /[\\/]src[\\/](game[\\/](simTime|view)|ui[\\/]format|ui[\\/]session[\\/]history)\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/globalSetup.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: chromiumPath(),
                args: [...chromiumArgs, '--autoplay-policy=no-user-gesture-required'],
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
