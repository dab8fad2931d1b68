// Vitest browser mode: the Ops top bar over a real tutorial run — pause, speed and skip send the
// clock commands into the run's log, the bar shows what the core then says (paused, speed, score).
import { describe, expect, it } from 'vitest';
import { TopBar } from '../../../src/ui/panels/ops/topBar';
import { CoreSession, mount, opsContext, RAW_KEY, tutorialLevel } from './harness';

async function setup(lang: 'en' | 'ko') {
  const ctx = await opsContext(lang);
  const session = new CoreSession(await tutorialLevel());
  session.playTo(1500);
  let scoreOpened = 0;
  const bar = new TopBar(
    ctx,
    session,
    () => {},
    () => {},
    () => scoreOpened++,
  );
  mount(bar.root);
  bar.update(session.view());
  const button = (sel: string) => bar.root.querySelector<HTMLButtonElement>(sel)!;
  return { ctx, session, bar, button, opened: () => scoreOpened };
}

describe('Ops top bar', () => {
  it('should send pause, speed and skip as clock commands and show the clock the core reports', async () => {
    const { session, bar, button } = await setup('en');
    expect(button('[data-action="pause"]').textContent).toBe('Pause');
    button('[data-action="pause"]').click();
    expect(session.run.log.at(-1)).toMatchObject({ type: 'clock.pause', tick: 1500 });
    expect(session.run.state.clock.paused).toBe(true);
    bar.update(session.view());
    expect(button('[data-action="pause"]').textContent).toBe('Resume');
    expect(button('[data-action="pause"]').getAttribute('aria-pressed')).toBe('true');
    expect(bar.root.querySelector('.ops-state')?.textContent).toBe('Paused');

    button('[data-action="pause"]').click();
    button('[data-speed="4"]').click();
    bar.update(session.view());
    expect(session.run.log.slice(-2).map((c) => [c.type, c.args])).toEqual([
      ['clock.resume', {}],
      ['clock.speed', { speed: 4 }],
    ]);
    expect(button('[data-speed="4"]').getAttribute('aria-pressed')).toBe('true');
    expect(button('[data-speed="1"]').getAttribute('aria-pressed')).toBe('false');

    button('[data-action="skip"]').click();
    expect(session.run.log.at(-1)?.type).toBe('clock.skip');
    expect(session.sent.every((c) => c.outcome.ok)).toBe(true);
  });

  it('should show the clock and the running score from the view, and open the score panel', async () => {
    const { session, button, bar, opened } = await setup('en');
    const view = session.view();
    expect(bar.root.querySelector('[data-testid="clock"]')?.textContent).toContain('14:25');
    expect(button('[data-testid="score"]').textContent).toContain(
      Math.round(view.score.total).toLocaleString('en'),
    );
    button('[data-testid="score"]').click();
    expect(opened()).toBe(1);
  });

  it('should speak Korean with no raw keys', async () => {
    const { session, bar, button } = await setup('ko');
    button('[data-action="pause"]').click();
    bar.update(session.view());
    expect(button('[data-action="pause"]').textContent).toBe('계속');
    expect(bar.root.textContent).not.toMatch(RAW_KEY);
    expect(bar.root.textContent).toMatch(/[가-힣]/);
  });
});
