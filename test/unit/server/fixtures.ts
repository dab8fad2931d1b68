// Shared set-up for the server tests: a temporary levels folder holding the game fixture level,
// run files made by the game core itself (the historical response, doing nothing), and a server
// on a free port with its own temporary DATA_DIR.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import {
  createRun,
  finishRun,
  ghostRun,
  advanceToTick,
  parseLevel,
  toRunFile,
  type Level,
  type RunFile,
} from '../../../src/game';
import { createAppServer, type AppOptions } from '../../../server/app';

export const FIXTURE_LEVEL = new URL('../../../levels/backbone-isp.json', import.meta.url);

export function loadFixtureLevel(): Level {
  const parsed = parseLevel(JSON.parse(readFileSync(FIXTURE_LEVEL, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

/** A temp folder with levels/backbone-isp.json and an empty data/ (removed by the returned cleanup). */
export function tempDirs(): {
  root: string;
  levelsDir: string;
  dataDir: string;
  cleanup: () => void;
} {
  const root = mkdtempSync(join(tmpdir(), 'runs-api-'));
  const levelsDir = join(root, 'levels');
  mkdirSync(levelsDir);
  copyFileSync(FIXTURE_LEVEL, join(levelsDir, 'backbone-isp.json'));
  return {
    root,
    levelsDir,
    dataDir: join(root, 'data'),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

export function historyRunFile(level: Level, seed = 1): RunFile {
  return toRunFile(ghostRun(level, seed).run);
}

/** A finished run in which the players did nothing: a lower score than the historical response. */
export function idleRunFile(level: Level, seed = 1): RunFile {
  return toRunFile(finishRun(createRun(level, seed)));
}

/** A run saved part-way (not finished). */
export function partialRunFile(level: Level, tick: number, seed = 1): RunFile {
  return toRunFile(advanceToTick(createRun(level, seed), tick));
}

export async function startServer(
  options: Omit<AppOptions, 'distDir'> & { distDir?: string },
): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createAppServer({
    distDir: options.distDir ?? tmpdir(),
    version: '0.0.0-test',
    ...options,
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
