// The lobby's seed field: empty lets the server choose; otherwise a whole number in 32 bits.
import { describe, expect, it } from 'vitest';
import { parseSeedText } from '../../../src/ui/panels/team/lobbyForms';

describe('seed as typed in the lobby', () => {
  it('should accept empty and whole numbers up to 2^32 - 1', () => {
    expect(parseSeedText('  ')).toEqual({ ok: true });
    expect(parseSeedText(' 7 ')).toEqual({ ok: true, seed: 7 });
    expect(parseSeedText('4294967295')).toEqual({ ok: true, seed: 4294967295 });
  });
  it('should refuse signs, decimals, exponents and numbers past 32 bits', () => {
    for (const bad of ['-1', '1.5', '1e3', '0x10', '4294967296', 'seven'])
      expect(parseSeedText(bad)).toEqual({ ok: false });
  });
});
