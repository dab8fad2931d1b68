import { describe, expect, it } from 'vitest';
import { runCalibration, calibrationSvg } from '../../../src/cli/calibrate';
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
