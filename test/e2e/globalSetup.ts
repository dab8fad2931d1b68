// Builds the game once and serves it with `vite preview` on a free port for every e2e file.
import type { TestProject } from 'vitest/node';
import { build, preview } from 'vite';
import { requireChromium } from '../../src/cli/chromium';

// Overridable so two people (or helpers) can run e2e at once without clobbering each other's build.
export const E2E_OUT_DIR = process.env.E2E_OUT_DIR ?? 'test-results/e2e-dist';

export default async function setup(project: TestProject) {
  requireChromium();
  // Vitest sets NODE_ENV=test, and Vite would then build a development bundle (no service worker,
  // dev-only code). Build exactly what `npm start` builds.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ logLevel: 'warn', build: { outDir: E2E_OUT_DIR, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: E2E_OUT_DIR },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  project.provide('baseUrl', url);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
