import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWavProblem } from '../../../src/ui/wavCheck';
import { CUES } from '../../../src/audio/cues';

describe('describeWavProblem', () => {
  it('should accept every shipped cue file', () => {
    for (const { file } of Object.values(CUES)) {
      const buf = readFileSync(new URL(`../../../assets/${file}`, import.meta.url));
      expect(
        describeWavProblem(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)),
      ).toBeUndefined();
    }
  });

  it('should name what is wrong with bytes that are not a WAV', () => {
    expect(describeWavProblem(undefined)).toBe('empty file');
    expect(describeWavProblem(new ArrayBuffer(10))).toMatch(/too short/);
    const html = new TextEncoder().encode(
      '<!doctype html><html><head></head><body>index</body></html>',
    );
    expect(describeWavProblem(html.buffer)).toMatch(/not a WAV/);
  });
});
