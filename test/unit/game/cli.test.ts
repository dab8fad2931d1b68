// The game CLIs: sim with --history/--commands/--out/--json, and verify's exit codes and messages.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadCommandsFile, loadLevelFile } from '../../../src/cli/levelFiles';
import { main as simMain } from '../../../src/cli/sim';
import { verifyMain } from '../../../src/cli/verify';
import { FIXTURE_PATH } from './helpers';

describe('game CLIs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'one25-game-cli-'));
  let out: string[];
  beforeEach(() => {
    out = [];
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  });
  afterEach(() => vi.restoreAllMocks());

  it('sim --history --out --json writes a run file that verify accepts, and refuses a tampered one', () => {
    const runPath = join(dir, 'history.json');
    expect(simMain(['--level', FIXTURE_PATH, '--history', '--out', runPath, '--json'])).toBe(0);
    const json = JSON.parse(out.join('\n'));
    expect(json.score.total).toBeGreaterThan(0);
    expect(Object.keys(json.score.parts)).toHaveLength(11);
    out = [];
    expect(verifyMain([runPath, '--level', FIXTURE_PATH])).toBe(0);
    expect(out[0]).toBe(`verified: score ${json.score.total} / 1000`);

    const file = JSON.parse(readFileSync(runPath, 'utf8'));
    file.result.score.total += 1;
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(file));
    out = [];
    expect(verifyMain([bad, '--level', FIXTURE_PATH])).toBe(1);
    expect(out[0]).toMatch(/^not verified: score differs — total: file /);

    file.formatVersion = 0;
    writeFileSync(bad, JSON.stringify(file));
    out = [];
    expect(verifyMain([bad, '--level', FIXTURE_PATH])).toBe(1);
    expect(out[0]).toBe('not verified: formatVersion: unsupported version 0, expected 1');
  });

  it('sim --commands plays a commands file and reports refused commands with exit 1', () => {
    const cmds = join(dir, 'cmds.json');
    writeFileSync(
      cmds,
      JSON.stringify([
        { at: '2003-01-25T14:35:00+09:00', role: 'security', type: 'diag.ids', args: {} },
        {
          at: '2003-01-25T14:36:00+09:00',
          role: 'network',
          type: 'filter.apply',
          args: { device: 'intl-hyehwa', direction: 'ingress' },
        },
      ]),
    );
    expect(
      simMain([
        '--level',
        FIXTURE_PATH,
        '--commands',
        cmds,
        '--until',
        '2003-01-25T15:00:00+09:00',
      ]),
    ).toBe(1);
    expect(out.join('\n')).toMatch(
      /refused #1 filter.apply at 2003-01-25T14:36:00\+09:00: PRECONDITION/,
    );
  });

  it('should name the path and problem in bad commands and level files', () => {
    const cmds = join(dir, 'badcmds.json');
    writeFileSync(cmds, JSON.stringify([{ at: 'soon', role: 'boss', type: 'x' }]));
    const r = loadCommandsFile(cmds);
    expect(r.ok ? [] : r.errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\[0\]\.at: /),
        expect.stringMatching(/^\[0\]\.role: /),
      ]),
    );
    const lvl = join(dir, 'other-name.json');
    writeFileSync(lvl, readFileSync(FIXTURE_PATH));
    const l = loadLevelFile(lvl);
    expect(l.ok ? [] : l.errors).toEqual([
      'meta.id: "backbone-isp" must equal the file name "other-name"',
    ]);
    expect(simMain(['--level', lvl])).toBe(1);
    expect(simMain(['--history'])).toBe(2);
    expect(verifyMain([])).toBe(2);
  });
});
