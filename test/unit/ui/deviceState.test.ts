// A device shows what the player knows of it (their landed orders, their monitoring), and an
// action that cannot run now says why in plain words, from the game core's own check.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advanceToTick,
  applyCommand,
  createRun,
  parseLevel,
  snapshotView,
  type Level,
  type Run,
} from '../../../src/game';
import { actionsFor } from '../../../src/ui/panels/ops/deviceActions';
import { deviceState, playerRecords } from '../../../src/ui/panels/ops/deviceState';
import { availability } from '../../../src/ui/panels/ops/actionAvailability';

function level(id: string): Level {
  const parsed = parseLevel(JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

const tutorial = level('tutorial');
const offered = new Set(Object.keys(tutorial.commands));
const gw = { kind: 'node' as const, id: 'gw' };
const spec = (key: string) => actionsFor(gw, tutorial, offered).find((s) => s.key === key)!;

function order(run: Run, type: string, args: Record<string, unknown>): Run {
  const r = applyCommand(run, { role: 'solo', type, args });
  expect(r.outcome.ok, `${type} ${JSON.stringify(args)}`).toBe(true);
  return r.run;
}

const why = (run: Run, key: string) => {
  const s = spec(key);
  const a = availability(s, s.args, run.state, tutorial, snapshotView(run));
  return a.ok ? 'ok' : a.reason.key;
};

describe('device state and action availability', () => {
  // 14:20 start; the worm reaches the international link just after 14:30 (tick 1800).
  let run = advanceToTick(createRun(tutorial, 7), 1900);

  it('should refuse the filter before the traffic is identified, saying how to identify it', () => {
    expect(why(run, 'filter.apply:ingress')).toBe('needs.knowsUdp1434');
    // Nothing of ours to remove yet.
    expect(why(run, 'filter.remove:ingress')).toBe('nothingToUndo.filter');
    expect(deviceState(tutorial, snapshotView(run), gw).map((l) => l.key)).not.toContain(
      'filterInPlace',
    );
  });

  it('should name the time the busy network staff are free again', () => {
    run = order(run, 'diag.netflow', { device: 'intl' });
    const netflow = snapshotView(run).tasks.at(-1)!;
    const s = actionsFor({ kind: 'link', id: 'bb-pop-gw' }, tutorial, offered).find(
      (x) => x.key === 'diag.netflow',
    )!;
    const a = availability(s, s.args, run.state, tutorial, snapshotView(run));
    expect(a).toEqual({
      ok: false,
      reason: { key: 'staffBusy', params: { skill: 'network', until: netflow.dueTick } },
    });
  });

  it('should show a completed filter in place on its device, and say so when ordered again', () => {
    run = advanceToTick(run, run.state.tick + 6 * 60);
    expect(run.state.flags.knowsUdp1434).toBeDefined();
    expect(why(run, 'filter.apply:ingress')).toBe('ok');
    run = order(run, 'filter.apply', { device: 'gw', direction: 'ingress' });
    // While it is being applied: under way on the device, and not orderable twice.
    const during = deviceState(tutorial, snapshotView(run), gw);
    expect(during.map((l) => l.key)).toContain('underWay');
    expect(why(run, 'filter.apply:ingress')).toBe('underWay');
    run = advanceToTick(run, run.state.tick + 11 * 60);
    const view = snapshotView(run);
    const filter = view.tasks.find((t) => t.type === 'filter.apply')!;
    expect(filter.status).toBe('done');
    const lines = deviceState(tutorial, view, gw);
    expect(lines).toContainEqual({
      key: 'filterInPlace',
      params: { direction: 'ingress', since: filter.dueTick },
      tone: 'ok',
    });
    expect(why(run, 'filter.apply:ingress')).toBe('inPlace');
    expect(why(run, 'filter.remove:ingress')).toBe('ok');
    // The other direction is still open.
    expect(why(run, 'filter.apply:egress')).toBe('ok');
    expect(playerRecords(view).filters.size).toBe(1);
  });

  it('should show a link by its observed load only', () => {
    const view = snapshotView(run);
    const lines = deviceState(tutorial, view, { kind: 'link', id: 'intl' });
    const load = lines.find((l) => l.key === 'linkLoad')!;
    const obs = view.monitoring.links.find((l) => l.id === 'intl')!;
    expect(load.params).toMatchObject({ inPct: obs.inPct, outPct: obs.outPct });
    // The NetFlow run on it is remembered with what it found.
    expect(lines.map((l) => l.key)).toContain('netflowWorm');
  });
});
