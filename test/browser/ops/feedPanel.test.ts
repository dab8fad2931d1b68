// Vitest browser mode: the event log over a real tutorial run — every feed item in words, newest
// first, worded as observed (no "worm", no port) until the player has diagnosed it; the player's
// own refused order as a line of its own.
import { describe, expect, it } from 'vitest';
import { FeedPanel } from '../../../src/ui/panels/ops/feedPanel';
import { CoreSession, mount, opsContext, tutorialLevel } from './harness';

async function setup(lang: 'en' | 'ko') {
  const ctx = await opsContext(lang);
  const session = new CoreSession(await tutorialLevel());
  session.playTo(2400);
  const panel = new FeedPanel(
    ctx,
    session.level,
    undefined,
    (id) => session.run.state.tasks.find((x) => x.id === id)?.command.args,
    () => session.run.state.flags,
  );
  mount(panel.root);
  return { session, panel };
}

describe('Ops event log', () => {
  it('should word every feed item, newest first, without naming the worm before a diagnosis', async () => {
    const { session, panel } = await setup('en');
    const feed = session.run.state.feed;
    panel.add(feed);
    const lines = [...panel.list.children] as HTMLElement[];
    expect(lines.map((l) => l.dataset.kind)).toEqual(
      feed
        .map((f) => f.kind)
        .filter(
          (k) => k !== 'autosave' && !k.startsWith('engine.action') && k !== 'engine.segments',
        )
        .reverse(),
    );
    expect(lines.some((l) => l.dataset.kind === 'engine.worm.onset')).toBe(true);
    for (const l of lines) {
      expect(l.textContent).not.toMatch(/\bfeed(Observed)?\.|worm|1434/i);
      expect(l.querySelector('.when')?.textContent).toMatch(/\d\d:\d\d/);
    }
    const dnsDown = lines.find((l) => l.dataset.kind === 'engine.dns.down')!;
    expect(dnsDown.textContent).toContain('DNS');
  });

  it('should add the player refused order as its own line', async () => {
    const { session, panel } = await setup('en');
    const refused = session.command('filter.apply', { device: 'intl', direction: 'ingress' });
    expect(refused.ok).toBe(false);
    panel.note('Refused: filter', false, session.run.state.tick);
    const first = panel.list.firstElementChild as HTMLElement;
    expect(first.dataset.kind).toBe('own.refused');
    expect(first.className).toBe('own refused');
  });

  it('should speak Korean', async () => {
    const { session, panel } = await setup('ko');
    panel.add(session.run.state.feed);
    expect(panel.list.textContent).toMatch(/[가-힣]/);
    expect(panel.list.textContent).not.toMatch(/\bfeed(Observed)?\./);
  });
});
