// The exercise console's comparison board as CSV: one line per team and the historical response,
// score parts and key times in fixed columns, cells quoted and defused for spreadsheets, and the
// rooms not ended named.
import { describe, expect, it } from 'vitest';
import type { ExerciseRoomStatus, ExerciseStatus } from '../../../src/net/exerciseProtocol';
import { boardCsv, boardRows, stillRunning } from '../../../src/ui/panels/exercise/comparisonBoard';

const room = (team: number, code: string, state: 'running' | 'ended'): ExerciseRoomStatus => ({
  code,
  team,
  state,
  ms: 0,
  tick: 0,
  paused: false,
  players: { connected: 0, seats: 1 },
  roles: [],
  outage: { outage: false, subscribersOnlinePct: 100, dnsSuccessPct: 100 },
  curve: [],
  score: { total: 100 + team, parts: { subscriberHours: 50, dnsAvailability: 50 + team } },
  keyTimes: team === 1 ? { knowsUdp1434: 4500 } : {},
  lastActions: [],
  warnings: [],
  runId: null,
});

const status = (rooms: ExerciseRoomStatus[]): ExerciseStatus => ({
  code: 'Q4TZ7M',
  name: 'drill',
  level: 'backbone-isp',
  seed: 7,
  roles: ['network'],
  createdAt: '',
  span: { start: 0, end: 122400 },
  rooms,
  historical: {
    score: { total: 458, parts: { subscriberHours: 78.3, dnsAvailability: 78.7 } },
    keyTimes: { knowsUdp1434: 4500, kisaNotified: 12000 },
  },
});

describe('comparison board CSV', () => {
  it('lists every team and the historical response with parts and key times', () => {
    const s = status([room(1, 'K7QM2X', 'ended'), room(2, 'ABCDEF', 'ended')]);
    const rows = boardRows(s, (n) => `Team ${n}`, '=cmd|history, "real"');
    const lines = boardCsv(s, rows).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'team,room,state,total,subscriberHours,dnsAvailability,knowsWorm,knowsUdp1434,knowsDnsOverload,knowsInfectedHosts,escalated,kisaNotified',
    );
    expect(lines[1]).toBe('Team 1,K7QM2X,ended,101,50,51,,25 Jan 15:15,,,,');
    expect(lines[2]).toBe('Team 2,ABCDEF,ended,102,50,52,,,,,,');
    // A label a spreadsheet would run as a formula is defused, and quoted for its comma and quotes.
    expect(lines[3]).toBe(
      `"'=cmd|history, ""real""",,history,458,78.3,78.7,,25 Jan 15:15,,,,25 Jan 17:20`,
    );
    expect(stillRunning(s)).toEqual([]);
  });

  it('names the rooms still running', () => {
    const s = status([room(1, 'K7QM2X', 'ended'), room(2, 'ABCDEF', 'running')]);
    expect(stillRunning(s).map((r) => r.code)).toEqual(['ABCDEF']);
  });
});
