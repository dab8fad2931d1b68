// Which locale key words a feed line. The feed is what the player sees happen, so an engine event
// that would state the ground truth ("a worm on UDP 1434 is spreading") is worded as what an
// operator could observe at that moment (`feedObserved.*`); the player learns what it is by
// diagnosis or from a credible outside report. Pure, so the scenario tests word the feed the same way.

/** Feed kinds whose plain wording states the truth; they use `feedObserved.<kind>`. */
export const OBSERVED_FEED_KINDS: readonly string[] = ['engine.worm.onset', 'engine.worm.local'];

/** The locale key of a feed line of this kind (`feed.other` when there is none). */
export function feedKey(kind: string, exists: (key: string) => boolean): string {
  if (OBSERVED_FEED_KINDS.includes(kind)) return `feedObserved.${kind}`;
  const key = `feed.${kind}`;
  return exists(key) ? key : 'feed.other';
}
