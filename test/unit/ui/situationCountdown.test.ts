// A situation card's countdown (game time and real time at the current rate, "paused" when the
// clock is) and the "pause when a situation arrives" option as the Ops scene applies it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  advanceReal,
  applyCommand,
  createRun,
  parseLevel,
  snapshotView,
  type Level,
  type Run,
  type ViewSnapshot,
} from '../../../src/game';
import { createI18n } from '../../../src/i18n';
import { deadlineText, realDuration } from '../../../src/ui/panels/ops/deadline';
import { SituationPause } from '../../../src/ui/session/situationPause';

function level(id: string): Level {
  const parsed = parseLevel(JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

/** Plays the tutorial in 250 ms frames until a situation with a deadline is open. */
function untilSituation(run: Run): Run {
  let r = run;
  for (let i = 0; i < 20_000 && !r.state.ended; i++) {
    if (snapshotView(r).activeInjects.some((x) => x.expiresAt !== null)) return r;
    r = advanceReal(r, 250);
  }
  throw new Error('no situation opened');
}

describe('situation countdown', () => {
  const tutorial = level('tutorial');

  it('shows game time left and real time at the current rate, and says when the clock is paused', async () => {
    const en = await createI18n('en');
    const ko = await createI18n('ko');
    const r = untilSituation(createRun(tutorial, 1));
    const view = snapshotView(r);
    const inj = view.activeInjects.find((x) => x.expiresAt !== null)!;
    const leftS = inj.expiresAt! - view.tick;
    const text = deadlineText(en, inj, view)!;
    expect(text).toContain(`${Math.ceil(leftS / 60)} min of game time left`);
    expect(text).toContain(`about ${realDuration(en, leftS / view.clock.rate)} in real time`);
    expect(deadlineText(ko, inj, view)).toContain(`게임 시간 ${Math.ceil(leftS / 60)}분 남음`);
    // It counts down as the clock runs.
    let later = r;
    for (let i = 0; i < 40; i++) later = advanceReal(later, 250);
    const lv = snapshotView(later);
    const li = lv.activeInjects.find((x) => x.id === inj.id)!;
    expect(li.expiresAt! - lv.tick).toBeLessThan(leftS);
    const paused = snapshotView(applyCommand(r, { role: 'solo', type: 'clock.pause' }).run);
    expect(
      deadlineText(
        en,
        paused.activeInjects.find((x) => x.id === inj.id)!,
        paused,
      ),
    ).toContain('the clock is paused');
    expect(realDuration(en, 45)).toBe('45 s');
    expect(realDuration(en, 200)).toBe('3 min 20 s');
    expect(realDuration(ko, 200)).toBe('3분 20초');
  });
});

describe('pause when a situation arrives', () => {
  const tutorial = level('tutorial');

  /** A solo-like session over a run, for SituationPause. */
  function session(controlsClock = true) {
    let run = createRun(tutorial, 1);
    return {
      controlsClock,
      get run() {
        return run;
      },
      set run(r: Run) {
        run = r;
      },
      command(type: string, args: Record<string, unknown> = {}) {
        const r = applyCommand(run, { role: 'solo', type, args });
        run = r.run;
        return r.outcome;
      },
    };
  }

  function play(s: ReturnType<typeof session>, pause: SituationPause): ViewSnapshot {
    for (let i = 0; i < 20_000 && !s.run.state.ended; i++) {
      s.run = advanceReal(s.run, 250);
      const v = snapshotView(s.run);
      pause.check(v);
      if (s.run.state.clock.paused || v.activeInjects.length > 0) return snapshotView(s.run);
    }
    throw new Error('nothing arrived');
  }

  it('pauses for the first new situation, naming it, when the option is on', () => {
    const s = session();
    const pause = new SituationPause(s, () => true, snapshotView(s.run));
    const v = play(s, pause);
    expect(v.clock.paused).toBe(true);
    expect(v.clock.pausedFor).toBe(v.activeInjects[0]!.id);
    expect(s.run.log.at(-1)).toMatchObject({
      type: 'clock.pause',
      args: { situation: v.activeInjects[0]!.id },
    });
    expect(s.run.state.feed.at(-1)).toMatchObject({ kind: 'clock.pausedFor' });
    // Resuming clears the reason; the same situation does not pause the clock again.
    s.command('clock.resume');
    expect(snapshotView(s.run).clock.pausedFor).toBeUndefined();
    pause.check(snapshotView(s.run));
    expect(s.run.state.clock.paused).toBe(false);
  });

  it('leaves the clock running when the option is off or the clock is not this client’s', () => {
    for (const [on, owner] of [
      [false, true],
      [true, false],
    ] as const) {
      const s = session(owner);
      const pause = new SituationPause(s, () => on, snapshotView(s.run));
      const v = play(s, pause);
      expect(v.activeInjects.length).toBeGreaterThan(0);
      expect(v.clock.paused).toBe(false);
    }
  });
});
