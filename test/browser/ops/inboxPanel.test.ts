// Vitest browser mode: the inbox over a real tutorial run — a situation card with its countdown
// (game time left, moving with the run), and choosing an answer sends inject.answer into the run,
// after which the card goes.
import { describe, expect, it } from 'vitest';
import { InboxPanel } from '../../../src/ui/panels/ops/inboxPanel';
import { CoreSession, mount, opsContext, RAW_KEY, reporter, tutorialLevel } from './harness';

async function setup(lang: 'en' | 'ko') {
  const ctx = await opsContext(lang);
  const session = new CoreSession(await tutorialLevel());
  // The international link saturated a minute before: Yoon's card has a deadline at 2529.
  session.playTo(2400);
  const out = reporter();
  const panel = new InboxPanel(ctx, session, out.report);
  mount(panel.root);
  panel.update(session.view());
  const card = () => panel.root.querySelector<HTMLElement>('[data-inject="t-anomaly"]');
  return { session, panel, out, card };
}

describe('Ops inbox', () => {
  it('should show a situation card with a countdown that follows the run', async () => {
    const { session, panel, card } = await setup('en');
    expect(card()?.querySelector('h3')?.textContent).toBe(
      'Yoon: something on the international link',
    );
    const deadline = () => card()!.querySelector<HTMLElement>('[data-testid="deadline"]')!;
    expect(deadline().dataset.leftS).toBe('129');
    expect(deadline().textContent).toMatch(/14:42/);
    expect(deadline().classList.contains('urgent')).toBe(true);
    session.playTo(2460);
    panel.update(session.view());
    expect(deadline().dataset.leftS).toBe('69');
  });

  it('should send the chosen answer as inject.answer and drop the card', async () => {
    const { session, panel, out, card } = await setup('en');
    card()!.querySelector<HTMLButtonElement>('[data-choice="netflow"]')!.click();
    expect(session.run.log.at(-1)).toMatchObject({
      type: 'inject.answer',
      args: { inject: 't-anomaly', choice: 'netflow' },
    });
    expect(out.lines.at(-1)).toEqual({
      ok: true,
      text: expect.stringContaining("I'll run NetFlow first"),
    });
    panel.update(session.view());
    expect(card()).toBeNull();
  });

  it('should speak Korean with no raw keys', async () => {
    const { panel, card } = await setup('ko');
    expect(card()?.querySelector('h3')?.textContent).toBe('윤 팀장: 국제회선이 이상해');
    expect(panel.root.textContent).not.toMatch(RAW_KEY);
  });
});
