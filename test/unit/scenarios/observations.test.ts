// Observations, not truth: until the player's diagnosis establishes it (a knowledge flag) or a
// credible outside report arrives (an inject from a contact of kind kisa, mic, isp or vendor: the
// CERT, the ministry, a provider's NOC, the vendor or a security-monitoring firm), nothing the game
// shows the player — inbox messages, inject outcomes, diagnosis results, feed lines in either
// language — names the worm, its port or infection. Checked on every level's no-action and
// history runs.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../src/game/gameState';
import type { Level, LocalText } from '../../../src/game/levelSchema';
import { en } from '../../../src/i18n/locales/en';
import { ko } from '../../../src/i18n/locales/ko';
import { feedKey } from '../../../src/ui/panels/ops/feedKey';
import { levelFiles, levelJson, loadLevel, playLevel, type RunKind } from './helpers';

/** The ground truth in player-visible text: the worm, its names, its port, its target, infection. */
const TRUTH_EN = /\b(?:worms?|slammer|sapphire|1434|sql|msde|ms02-039|infect\w*)\b/i;
const TRUTH_KO = /웜|슬래머|1434|SQL|MSDE|MS02-039|감염/i;

/** Contact kinds whose reports are credible enough to name the worm (docs/SCENARIO-FORMAT.md). */
export const CREDIBLE_KINDS = ['kisa', 'mic', 'isp', 'vendor'];
const DETECTION_FLAGS = ['knowsWorm', 'knowsUdp1434', 'knowsInfectedHosts'] as const;

/**
 * First tick at which the player may know the truth: a detection flag, or a credible contact's
 * inject that names it (one that does not name it establishes nothing).
 */
export function truthKnownTick(level: Level, state: GameState): number {
  const ticks = DETECTION_FLAGS.map((f) => state.flags[f] ?? Infinity);
  level.injects.forEach((def, i) => {
    const kind = level.contacts.find((c) => c.id === def.from)?.kind ?? '';
    const fired = state.injects[i]!.firedTick;
    // A credible contact's message establishes the truth only if it names it.
    const names = TRUTH_EN.test(`${def.subject.en}\n${def.message.en}`);
    if (CREDIBLE_KINDS.includes(kind) && names && fired !== null) ticks.push(fired);
  });
  return Math.min(...ticks);
}

type Tree = { [k: string]: string | Tree };
const lookup = (tree: Tree, key: string): string | undefined => {
  // Keys are "block.kind" where kind itself has dots ("feed.engine.worm.onset").
  const dot = key.indexOf('.');
  const block = tree[key.slice(0, dot)];
  const v = block && typeof block === 'object' ? block[key.slice(dot + 1)] : undefined;
  return typeof v === 'string' ? v : undefined;
};

function feedLine(tree: Tree, lang: 'ko' | 'en', level: Level, item: GameState['feed'][number]) {
  const template = lookup(
    tree,
    feedKey(item.kind, (k) => lookup(tree, k) !== undefined),
  )!;
  const labels = level.labels ?? {};
  const label = (id: string) =>
    [labels.nodes, labels.links, labels.segments, labels.clusters]
      .map((m) => m?.[id]?.[lang])
      .find((x) => x !== undefined) ?? id;
  return template.replace(/\{\{(\w+)\}\}/g, (_, p: string) => {
    const v = item.params[p];
    if (p === 'id' && v !== undefined) return label(String(v));
    if (p === 'kind') return item.kind;
    return v === undefined ? '' : String(v);
  });
}

/** Every player-visible text before `before`, as "where: text" lines in both languages. */
function visibleTexts(level: Level, state: GameState, before: number): string[] {
  const out: string[] = [];
  const both = (where: string, t: LocalText) =>
    out.push(`${where} [en] ${t.en}`, `${where} [ko] ${t.ko}`);
  for (const m of state.inbox.filter((x) => x.tick < before)) {
    both(`inbox ${m.id} subject`, m.subject);
    both(`inbox ${m.id} body`, m.body);
    // An inject's choices are on screen with it.
    for (const c of level.injects.find((i) => i.id === m.injectId)?.choices ?? [])
      both(`inbox ${m.id} choice ${c.id}`, c.label);
  }
  for (const o of state.observations.filter((x) => x.tick < before))
    both(`observation ${o.command}@${o.tick}`, o.text);
  for (const f of state.feed.filter((x) => x.tick < before)) {
    if (f.kind.startsWith('engine.action') || f.kind === 'engine.segments') continue;
    out.push(`feed ${f.kind}@${f.tick} [en] ${feedLine(en as unknown as Tree, 'en', level, f)}`);
    out.push(`feed ${f.kind}@${f.tick} [ko] ${feedLine(ko as unknown as Tree, 'ko', level, f)}`);
  }
  return out;
}

const leaks = (lines: string[]) =>
  lines.filter((l) => {
    const [where, text] = l.split(/ \[(?:en|ko)\] /, 2) as [string, string];
    return (l.startsWith(`${where} [en] `) ? TRUTH_EN : TRUTH_KO).test(text);
  });

const gameLevels = levelFiles().filter((f) => 'commands' in levelJson(f));

describe('before a diagnosis or a credible report the player sees observations, not the truth', () => {
  for (const file of gameLevels) {
    for (const kind of ['nothing', 'history'] as RunKind[]) {
      it(`${file}, ${kind === 'nothing' ? 'no-action' : 'history'} run: no text names the worm, its port or infection early`, () => {
        const level = loadLevel(file);
        const state = playLevel(file, kind).run.state;
        const before = truthKnownTick(level, state);
        const texts = visibleTexts(level, state, before);
        expect(texts.length, 'texts were collected').toBeGreaterThan(0);
        expect(leaks(texts)).toEqual([]);
      });
    }
  }

  it('should catch a leak: the plain feed wording of the onset names the worm and its port', () => {
    const plain = lookup(en as unknown as Tree, 'feed.engine.worm.onset')!;
    expect(TRUTH_EN.test(plain)).toBe(true);
    const observed = lookup(
      en as unknown as Tree,
      feedKey('engine.worm.onset', () => true),
    )!;
    expect(TRUTH_EN.test(observed)).toBe(false);
    expect(
      TRUTH_KO.test(
        lookup(
          ko as unknown as Tree,
          feedKey('engine.worm.local', () => true),
        )!,
      ),
    ).toBe(false);
  });
});
