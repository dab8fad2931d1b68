import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { calibrationSvg, main, runCalibration } from '../../../src/cli/calibrate';
import { levelParams } from './helpers';

describe('calibration against published Slammer figures', () => {
  const r = runCalibration(levelParams());
  for (const row of r.rows) {
    it(`${row.label}: ${row.target}`, () => {
      expect(
        row.measured,
        `${row.label} measured ${row.measured} ${row.unit}`,
      ).toBeGreaterThanOrEqual(row.lo);
      expect(row.measured).toBeLessThanOrEqual(row.hi);
    });
  }
  it('renders an SVG with both curves and the targets', () => {
    const svg = calibrationSvg(r);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.match(/<polyline/g)?.length).toBe(2);
    expect(svg).toContain('target: 90 %');
  });
});

describe('npm run calibrate', () => {
  it('exits non-zero when a target fails (a pure logistic: no congestion)', () => {
    const raw = JSON.parse(readFileSync('levels/backbone-isp.json', 'utf8'));
    raw.engine.global.siteFloodLoss = 0;
    for (const r of raw.engine.global.regions) r.corePps = 1e12;
    for (const c of raw.engine.global.accessClasses) c.hostsPerSite = 1;
    const dir = mkdtempSync(join(tmpdir(), 'calib-'));
    const file = join(dir, 'level.json');
    writeFileSync(file, JSON.stringify(raw));
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const code = main(['--level', file, '--svg', join(dir, 'c.svg'), '--json']);
    const out = JSON.parse(String(log.mock.calls[0]![0]));
    log.mockRestore();
    expect(code).toBe(1);
    expect(out.pass).toBe(false);
    const t90 = out.rows.find((r: { key: string }) => r.key === 'timeTo90');
    expect(t90.pass).toBe(false);
    expect(t90.measured).toBeLessThan(5);
  });
});
