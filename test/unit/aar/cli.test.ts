import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { aarMain } from '../../../src/cli/aar';
import { clone, historyRunFile, loadFixtureLevel, tempDirs } from '../server/fixtures';
import type { RunFile } from '../../../src/game';

let dirs: ReturnType<typeof tempDirs>;
let out: string;
let runPath: string;
let run: RunFile;
const env = () => ({ LEVELS_DIR: dirs.levelsDir });

function capture(fn: () => number): { code: number; stdout: string; stderr: string } {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const code = fn();
    return {
      code,
      stdout: log.mock.calls.map((c) => c.join(' ')).join('\n'),
      stderr: err.mock.calls.map((c) => c.join(' ')).join('\n'),
    };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

beforeAll(() => {
  dirs = tempDirs();
  out = mkdtempSync(join(tmpdir(), 'aar-cli-'));
  run = historyRunFile(loadFixtureLevel());
  runPath = join(out, 'run.json');
  writeFileSync(runPath, JSON.stringify(run));
}, 60_000);
afterAll(() => {
  dirs.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('npm run aar', () => {
  it('should write the HTML page and the JSON review of a run file', () => {
    const html = join(out, 'report.html');
    const json = join(out, 'report.json');
    const r = capture(() =>
      aarMain([runPath, '--out', html, '--lang', 'ko', '--json', json], env()),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`score ${run.result.score.total}`);
    expect(readFileSync(html, 'utf8')).toContain('<html lang="ko">');
    const aar = JSON.parse(readFileSync(json, 'utf8')) as {
      score: { total: number };
      formatVersion: number;
    };
    expect(aar.formatVersion).toBe(1);
    expect(aar.score.total).toBe(run.result.score.total);
  }, 60_000);

  it('should print the review with --json alone, with a session’s records from --review', () => {
    const records = join(out, 'review.json');
    writeFileSync(
      records,
      JSON.stringify({
        code: 'ABCDEF',
        feedback: [{ n: 1, ratings: { useful: 4 }, wentWell: 'ok', improve: '', monday: '' }],
        improvementPlan: [
          { issue: 'KISA late', action: 'Call', capability: '', owner: 'NOC', due: '' },
        ],
      }),
    );
    const plain = capture(() => aarMain([runPath, '--json'], env()));
    expect(plain.code).toBe(0);
    const aar = JSON.parse(plain.stdout) as Record<string, unknown>;
    for (const k of ['discussion', 'observations', 'feedback', 'improvementPlan'])
      expect(aar[k]).toEqual([]);
    expect(plain.stderr).toContain('after-action review of');
    const withReview = capture(() => aarMain([runPath, '--json', '--review', records], env()));
    const merged = JSON.parse(withReview.stdout) as {
      feedback: unknown[];
      feedbackSummary: { averages: { useful: number } };
      improvementPlan: { issue: string }[];
    };
    expect(merged.feedback).toHaveLength(1);
    expect(merged.feedbackSummary.averages.useful).toBe(4);
    expect(merged.improvementPlan[0]!.issue).toBe('KISA late');
    writeFileSync(records, JSON.stringify({ improvementPlan: [{ issue: 'x', due: 'soon' }] }));
    const bad = capture(() => aarMain([runPath, '--json', '--review', records], env()));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/review\.json: improvementPlan\[0\]/);
  }, 120_000);

  it('should exit 2 for bad arguments', () => {
    expect(capture(() => aarMain([runPath], env())).code).toBe(2);
    const bad = capture(() =>
      aarMain([runPath, '--out', join(out, 'x.html'), '--lang', 'fr'], env()),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang must be ko, en or both, got "fr"');
    expect(capture(() => aarMain(['--out', 'x.html'], env())).code).toBe(2);
  });

  it('should exit 1 naming the file and the field for bad input', () => {
    const missing = capture(() =>
      aarMain([join(out, 'nope.json'), '--out', join(out, 'x.html')], env()),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.json');

    const notJson = join(out, 'bad.json');
    writeFileSync(notJson, '{ "formatVersion": ');
    const r1 = capture(() => aarMain([notJson, '--out', join(out, 'x.html')], env()));
    expect(r1.code).toBe(1);
    expect(r1.stderr).toMatch(/bad\.json: .*JSON/);

    const noLevel = join(out, 'nolevel.json');
    writeFileSync(noLevel, JSON.stringify({ ...run, level: { sha256: run.level.sha256 } }));
    const r2 = capture(() => aarMain([noLevel, '--out', join(out, 'x.html')], env()));
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('nolevel.json: level.id');

    const tampered = clone(run);
    tampered.commands[0]!.tick += 7;
    const t = join(out, 'tampered.json');
    writeFileSync(t, JSON.stringify(tampered));
    const r3 = capture(() => aarMain([t, '--out', join(out, 'y.html')], env()));
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(
      /tampered\.json: does not verify \((CHECKPOINT_MISMATCH|FINAL_HASH_MISMATCH|COMMAND_REFUSED)\)/,
    );
    expect(existsSync(join(out, 'y.html'))).toBe(false);

    const wrongDir = capture(() =>
      aarMain([runPath, '--out', join(out, 'z.html')], { LEVELS_DIR: out }),
    );
    expect(wrongDir.code).toBe(1);
    expect(wrongDir.stderr).toContain('backbone-isp.json not found');
  }, 60_000);
});
