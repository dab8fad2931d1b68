// Before a diagnosis the game shows symptoms, never the truth (issue 16). A 2003 NOC engineer saw
// saturated links, DNS that stopped answering and an Internet that seemed to flood; the port, the
// packet and the name of the worm came from NetFlow, the IDS or a capture. So until the player's
// own diagnosis (src/game/diagnosis.ts) sets a knowledge flag, every word that names the worm, its
// port or infection is worded by what can be observed: locale keys with an `_observed` variant
// (i18next's `context`) and composer options that name the truth are held back. The feed does the
// same with its own keys (feedKey.ts).
import type { Flag, LocalText } from '../../../game';

/** Knowledge flags that mean the player has diagnosed what the flood is. */
export const DIAGNOSIS_FLAGS: readonly Flag[] = ['knowsUdp1434', 'knowsWorm'];

type Flags = Readonly<Partial<Record<string, number>>>;

export function diagnosed(flags: Flags): boolean {
  return DIAGNOSIS_FLAGS.some((f) => flags[f] !== undefined);
}

/**
 * i18next options for a key that names the truth: before a diagnosis they pick the key's
 * `<key>_observed` wording (a key without one keeps its only wording).
 */
export function wording(flags: Flags): { context?: 'observed' } {
  return diagnosed(flags) ? {} : { context: 'observed' };
}

/** Claims only a diagnosis can back: what the worm is, and that our own hosts carry it. */
const TRUTH_CLAIMS = ['worm.', 'network.ownHosts'];
/** The worm, its names, its port, its target and infection, in either language. */
export const TRUTH_WORDS =
  /\b(?:worms?|slammer|sapphire|1434|sql|msde|ms02-039|infect\w*)\b|웜|슬래머|감염/i;

/**
 * Whether a message option names the truth (by its claims or its words) and is therefore offered
 * only after a diagnosis: before it the player has nothing to say about a worm but what they see.
 */
export function namesTruth(option: { text: LocalText; claims: readonly string[] }): boolean {
  return (
    option.claims.some((c) => TRUTH_CLAIMS.some((p) => c.startsWith(p))) ||
    TRUTH_WORDS.test(option.text.en) ||
    TRUTH_WORDS.test(option.text.ko)
  );
}

/** The smallest pieces of a panel a sealed text replaces whole (a cell, a line, a heading). */
const SEALABLE = 'th, td, li, p, span, strong, h3';

/**
 * Before a diagnosis, replaces every piece of `root` whose words name the truth with `sealed`
 * (the in-play score panels measure the worm itself; until the player has identified the flood
 * they show its points but not its name). Returns how many pieces were sealed.
 */
export function sealTruth(root: HTMLElement, sealed: string): number {
  let n = 0;
  for (const node of root.querySelectorAll<HTMLElement>(SEALABLE)) {
    // Only the innermost piece that names the truth: its parents keep their other children.
    if (node.querySelector(SEALABLE)) continue;
    if (!TRUTH_WORDS.test(node.textContent ?? '')) continue;
    node.textContent = sealed;
    node.classList.add('sealed');
    n++;
  }
  return n;
}
