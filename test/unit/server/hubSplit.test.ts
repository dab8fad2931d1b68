// Issue 15 item 3, the session server split by concern: the hub's successors are each under 300
// lines, nothing under server/ imports in a cycle, and the parts work alone (the join limiter, the
// flood meter and the pacer are driven here without a server).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JoinLimiter, MAX_QUEUED_CODES } from '../../../server/sessions/joinLimiter';
import { FloodMeter } from '../../../server/sessions/limits';
import { Pacer } from '../../../server/sessions/pacer';
import type { Room } from '../../../server/sessions/room';
import type { SessionStore } from '../../../server/sessions/store';
import { REPO } from './sessionsHelpers';

const SERVER = join(REPO, 'server');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? tsFiles(join(dir, e.name))
      : e.name.endsWith('.ts')
        ? [join(dir, e.name)]
        : [],
  );
}

/** Relative imports of a file (type-only ones too: a cycle of types is still a tangle). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+'(\.{1,2}\/[^']+)'/g)].map((m) =>
    resolve(dirname(file), m[1]!),
  );
}

describe('server split by concern', () => {
  it('keeps the hub and each of its parts under 300 lines', () => {
    const parts = [
      'hub',
      'gate',
      'handshake',
      'joinLimiter',
      'routes',
      'pacer',
      'recovery',
      'options',
      'limits',
    ];
    for (const p of parts) {
      const lines = readFileSync(join(SERVER, 'sessions', `${p}.ts`), 'utf8').split('\n').length;
      expect(lines, `server/sessions/${p}.ts`).toBeLessThan(300);
    }
  });

  it('has no import cycle under server/', () => {
    const files = tsFiles(SERVER);
    const graph = new Map(files.map((f) => [f, importsOf(f).filter((i) => files.includes(i))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push(
          [...path.slice(path.indexOf(f)), f].map((p) => p.slice(REPO.length)).join(' → '),
        );
        return;
      }
      state.set(f, 'open');
      for (const g of graph.get(f) ?? []) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of files) visit(f, []);
    expect(cycles).toEqual([]);
    // The check sees the imports at all (a regex that matched nothing would pass anything).
    expect(graph.get(join(SERVER, 'sessions', 'hub.ts'))).toContain(
      join(SERVER, 'sessions', 'gate.ts'),
    );
  });
});

describe('the parts alone', () => {
  it('JoinLimiter: distinct codes count, one lane lookup per interval, bounded queue', () => {
    const l = new JoinLimiter<string>(2, 60_000);
    expect(l.intervalMs).toBe(30_000);
    l.recordFailure('a', 'AAAAAA', 0);
    l.recordFailure('a', 'AAAAAA', 1);
    expect(l.limited('a', 2)).toBe(false);
    l.recordFailure('a', 'BBBBBB', 3);
    expect(l.limited('a', 4)).toBe(true);
    expect(l.admit('b', 'CCCCCC', 'w0', 4)).toBe('now');
    expect(l.admit('a', 'CCCCCC', 'w1', 4)).toBe('queued');
    expect(l.admit('a', 'CCCCCC', 'w2', 4)).toBe('queued');
    expect(l.admit('a', 'DDDDDD', 'w3', 4)).toBe('queued');
    for (let i = 0; i < MAX_QUEUED_CODES - 2; i++)
      expect(l.admit('a', `EEEEE${'ABCDEFGH'[i]}`, `x${i}`, 4)).toBe('queued');
    expect(l.admit('a', 'FFFFFF', 'w4', 4)).toBe('refused');
    expect(l.due(5)).toEqual([{ address: 'a', code: 'CCCCCC', waiters: ['w1', 'w2'] }]);
    expect(l.due(6)).toEqual([]);
    l.cancel('a', (w) => w === 'w3');
    expect(l.due(30_005)[0]!.code).toBe('EEEEEA');
    l.recordKnown('a', 'GGGGGG', 30_006);
    expect(l.admit('a', 'GGGGGG', 'w5', 30_007)).toBe('now');
    // The window passes: the address is free again and the maps empty out.
    expect(l.limited('a', 70_000)).toBe(false);
    l.sweep(200_000);
    expect(l.admit('a', 'HHHHHH', 'w6', 200_000)).toBe('now');
  });

  it('FloodMeter: a sustained flood closes, an occasional burst drains away', () => {
    const m = new FloodMeter(0);
    let closed = false;
    for (let t = 0; t < 1000 && !closed; t++) closed = m.refused(t); // 1,000 refused in a second
    expect(closed).toBe(true);
    const calm = new FloodMeter(0);
    let any = false;
    for (let s = 0; s < 60; s++) for (let k = 0; k < 40; k++) any ||= calm.refused(s * 1000 + k); // 40 over-limit per second
    expect(any).toBe(false);
  });

  it('Pacer: paces every room, ends a finished one, writes each clock before it is announced', async () => {
    const wall = 10_000;
    const saved: { id: number; nowMs: number }[][] = [];
    const ended: string[] = [];
    /** The clock each announce broadcast, and whether it was already written then. */
    const announced: { code: string; ms: number; written: boolean }[] = [];
    const room = (code: string, finishes: boolean) => {
      const r = {
        code,
        id: code.length,
        state: 'running',
        ms: 0,
        persistedMs: 0,
        advance: () => {
          if (r.state === 'running') r.ms += 200;
        },
        announce: () => {
          announced.push({ code, ms: r.ms, written: r.persistedMs === r.ms });
          return finishes && r.state === 'running';
        },
        end: () => {
          ended.push(code);
          r.state = 'ended';
        },
      };
      return r;
    };
    const rooms = new Map<string, Room>([
      ['A', room('A', false) as unknown as Room],
      ['BB', room('BB', true) as unknown as Room],
    ]);
    const pacer = new Pacer({
      rooms,
      store: {
        saveNow: (m: { id: number; nowMs: number }[]) => saved.push(m),
        noteError: () => undefined,
      } as unknown as SessionStore,
      wallNow: () => wall,
      log: () => undefined,
      connectionCount: () => 0,
    });
    pacer.paceAll();
    expect(ended).toEqual(['BB']);
    expect(saved).toEqual([
      [
        { id: 1, nowMs: 200 },
        { id: 2, nowMs: 200 },
      ],
    ]);
    pacer.paceAll();
    // The ended room's clock is not written again; the live one's is, every pass.
    expect(saved[1]).toEqual([{ id: 1, nowMs: 400 }]);
    expect(announced.every((a) => a.written)).toBe(true);
    pacer.stop();
    expect(saved.at(-1)).toEqual([]);
  });
});
