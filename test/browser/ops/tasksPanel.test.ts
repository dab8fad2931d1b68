// Vitest browser mode: the tasks panel over a real tutorial run — a running order with its
// progress, then done; the staff roster with Call in for someone off shift, which sends staff.call.
import { describe, expect, it } from 'vitest';
import { TasksPanel } from '../../../src/ui/panels/ops/tasksPanel';
import { CoreSession, mount, opsContext, RAW_KEY, reporter, tutorialLevel } from './harness';

async function setup(lang: 'en' | 'ko') {
  const ctx = await opsContext(lang);
  const session = new CoreSession(await tutorialLevel());
  session.playTo(2400);
  const out = reporter();
  const panel = new TasksPanel(ctx, session, out.report);
  mount(panel.root);
  panel.update(session.view());
  return { session, panel, out };
}

describe('Ops tasks panel', () => {
  it('should show an order running with its progress, then done', async () => {
    const { session, panel } = await setup('en');
    expect(session.command('diag.netflow', { device: 'intl' }).ok).toBe(true);
    session.playTo(2550);
    panel.update(session.view());
    const task = () => panel.root.querySelector<HTMLElement>('[data-testid="tasks"] li.task')!;
    expect(task().classList.contains('running')).toBe(true);
    expect(task().querySelector('progress')!.value).toBe(50);
    expect(task().textContent).toMatch(/NetFlow.*50/);
    session.playTo(2760);
    panel.update(session.view());
    expect(task().classList.contains('done')).toBe(true);
  });

  it('should call someone in from the roster and show them on the way', async () => {
    const { session, panel, out } = await setup('en');
    const jung = () =>
      panel.root.querySelector<HTMLButtonElement>('[data-testid="staff"] [data-staff="net-jung"]');
    jung()!.click();
    expect(session.run.log.at(-1)).toMatchObject({
      type: 'staff.call',
      args: { staff: 'net-jung' },
    });
    expect(out.lines.at(-1)?.ok).toBe(true);
    // Phoning takes three minutes of a free hand; then they are on the way.
    panel.update(session.view());
    expect(panel.root.querySelector('[data-testid="tasks"] li.task.running')?.textContent).toBe(
      'Call in staff — Jung (network engineer, 30 min from home) — 0%',
    );
    session.playTo(2700);
    panel.update(session.view());
    expect(jung()).toBeNull();
    const row = [...panel.root.querySelectorAll('[data-testid="staff"] li')].find((li) =>
      li.textContent?.startsWith('Jung'),
    );
    expect(row?.className).toBe('staff enRoute');
  });

  it('should speak Korean with no raw keys', async () => {
    const { panel } = await setup('ko');
    expect(panel.root.textContent).toMatch(/[가-힣]/);
    expect(panel.root.textContent).not.toMatch(RAW_KEY);
  });
});
