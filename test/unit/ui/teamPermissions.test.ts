// Which actions each seat's panels offer: solo offers every command the level has; a team seat
// only its role's (the same rule the server enforces); the projector none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLevel, type Level, type PlayerRole } from '../../../src/game';
import { mayAct, mayAnswer } from '../../../src/ui/panels/team/permissions';

function level(): Level {
  const json = JSON.parse(
    readFileSync(new URL('../../../levels/tutorial.json', import.meta.url), 'utf8'),
  ) as unknown;
  const parsed = parseLevel(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

const tutorial = level();
const seat = (actingRoles: readonly PlayerRole[] | 'all') => ({ level: tutorial, actingRoles });

describe('team seat permissions', () => {
  it('should offer everything in solo play, including the clock', () => {
    for (const type of [...Object.keys(tutorial.commands), 'clock.pause', 'inject.answer'])
      expect(mayAct(seat('all'), type)).toBe(true);
  });

  it('should offer a role only its level commands and the facilitator only the clock and injects', () => {
    expect(mayAct(seat(['network']), 'filter.apply')).toBe(true);
    expect(mayAct(seat(['network']), 'diag.ids')).toBe(false);
    expect(mayAct(seat(['network']), 'comms.send')).toBe(false);
    expect(mayAct(seat(['network']), 'clock.pause')).toBe(false);
    expect(mayAct(seat(['comms']), 'comms.send')).toBe(true);
    expect(mayAct(seat(['facilitator']), 'clock.pause')).toBe(true);
    expect(mayAct(seat(['facilitator']), 'inject.custom')).toBe(true);
    expect(mayAct(seat(['facilitator']), 'filter.apply')).toBe(false);
    // A command the level does not offer is nobody's (nullroute is not in the tutorial).
    expect(mayAct(seat(['network']), 'nullroute.apply')).toBe(false);
  });

  it('should offer the projector nothing', () => {
    for (const type of [...Object.keys(tutorial.commands), 'clock.pause'])
      expect(mayAct(seat([]), type)).toBe(false);
  });

  it('should let only the addressed roles answer a situation', () => {
    expect(mayAnswer(seat('all'), ['comms'])).toBe(true);
    expect(mayAnswer(seat(['comms']), ['comms'])).toBe(true);
    expect(mayAnswer(seat(['network']), ['comms'])).toBe(false);
    expect(mayAnswer(seat([]), ['comms', 'network'])).toBe(false);
  });
});
