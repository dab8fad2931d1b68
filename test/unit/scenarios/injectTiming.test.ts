// Injects that describe the worm's effects follow the engine, never the clock. The rule, for every
// level in levels/: an inject whose English subject or message mentions an effect of the worm
// (EFFECT_WORDS: traffic, packets, alerts, DNS, outages, dropped or slow service, infections, the
// worm itself) must say which engine event makes it true (`reports`) and fire on an engine event
// (`trigger.event`), so it can never arrive before the onset; and in the no-action and history
// runs it fires no earlier than the first occurrence of the event it reports.
import { describe, expect, it } from 'vitest';
import type { Inject } from '../../../src/game/levelSchema';
import { firstEvent, levelFiles, levelJson, loadLevel, playLevel } from './helpers';

/** Words that describe what the worm does to networks and people (English text of an inject). */
export const EFFECT_WORDS =
  /\b(?:udp|1434|traffic|packets?|ids|alerts?|attacks?|dns|name servers?|resolvers?|outages?|offline|down|dropped|cut off|not answering|saturated|overloaded|infected|infections?|worm|slow|flood(?:ed|ing)?|paralys\w*|stuck at zero|engaged|jammed)\b/i;

const mentionsEffects = (i: Inject): boolean =>
  EFFECT_WORDS.test(`${i.subject.en}\n${i.message.en}`);

const gameLevels = levelFiles().filter((f) => 'commands' in levelJson(f));

describe("injects about the worm's effects fire on engine events, for every level", () => {
  it('should check the four levels', () => {
    expect(gameLevels).toEqual(
      expect.arrayContaining([
        'backbone-isp.json',
        'broadband-isp.json',
        'idc-enterprise.json',
        'tutorial.json',
      ]),
    );
  });

  for (const file of gameLevels) {
    it(`${file}: no inject mentioning the worm's effects fires at a fixed time before the onset`, () => {
      const level = loadLevel(file);
      const onset = firstEvent(playLevel(file, 'nothing'), 'engine.worm.onset');
      expect(onset, 'the engine onset in the no-action run').not.toBeNull();
      const early = level.injects
        .filter(mentionsEffects)
        .filter(
          (i) =>
            'at' in i.trigger &&
            playLevel(file, 'nothing').run.state.injects.some(
              (rt) => rt.id === i.id && rt.firedTick !== null && rt.firedTick < onset!,
            ),
        )
        .map((i) => i.id);
      expect(early, 'effect injects firing on the clock before the onset').toEqual([]);
    });

    it(`${file}: every inject mentioning the worm's effects reports an engine event and fires on one`, () => {
      const level = loadLevel(file);
      const unflagged = level.injects
        .filter((i) => mentionsEffects(i) && !i.reports)
        .map((i) => `${i.id}: "${`${i.subject.en}\n${i.message.en}`.match(EFFECT_WORDS)![0]}"`);
      expect(unflagged, 'injects mentioning effects without "reports"').toEqual([]);
      const onClock = level.injects
        .filter((i) => (mentionsEffects(i) || i.reports) && 'at' in i.trigger)
        .map((i) => i.id);
      expect(onClock, 'effect injects on a clock trigger').toEqual([]);
    });

    for (const kind of ['nothing', 'history'] as const) {
      it(`${file}: in the ${kind === 'nothing' ? 'no-action' : 'history'} run no inject fires before the event it reports`, () => {
        const level = loadLevel(file);
        const r = playLevel(file, kind);
        const wrong: string[] = [];
        level.injects.forEach((def, i) => {
          const fired = r.run.state.injects[i]!.firedTick;
          if (!def.reports || fired === null) return;
          const at = firstEvent(r, `engine.${def.reports.event}`, def.reports.id);
          if (at === null)
            wrong.push(`${def.id}: fired at ${fired}, ${def.reports.event} never happened`);
          else if (fired < at)
            wrong.push(`${def.id}: fired at ${fired}, before ${def.reports.event} at ${at}`);
        });
        expect(wrong).toEqual([]);
      });
    }
  }
});
