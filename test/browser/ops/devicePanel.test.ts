// Vitest browser mode: the device panel over a real tutorial run — the chosen link's state as the
// player's monitoring shows it (MRTG's 5-minute average), an order that cannot run
// yet disabled with its reason, an order sent from the panel into the run, and "already in place"
// once the core has put the filter in.
import { describe, expect, it } from 'vitest';
import { DevicePanel } from '../../../src/ui/panels/ops/devicePanel';
import { CoreSession, mount, opsContext, RAW_KEY, reporter, tutorialLevel } from './harness';

async function setup(lang: 'en' | 'ko', tick: number) {
  const ctx = await opsContext(lang);
  const session = new CoreSession(await tutorialLevel());
  session.playTo(tick);
  const out = reporter();
  const panel = new DevicePanel(ctx, session, out.report);
  mount(panel.root);
  panel.update(session.view());
  panel.choose({ kind: 'link', id: 'intl' });
  const stateBox = panel.root.querySelector<HTMLElement>('[data-testid="device-state"]')!;
  // The state and the reasons arrive with the panel's insight module (fetched on first choice).
  await expect.poll(() => stateBox.hidden).toBe(false);
  const action = (key: string) =>
    panel.root.querySelector<HTMLElement>(`[data-action-key="${key}"]`)!;
  return { ctx, session, panel, out, stateBox, action };
}

describe('Ops device panel', () => {
  it('should show the link load as monitoring sees it and refuse a filter before the traffic is known', async () => {
    const { session, stateBox, action } = await setup('en', 2400);
    const mrtg = session.view().monitoring.links.find((l) => l.id === 'intl')!;
    const load = stateBox.querySelector('[data-state="linkLoad"]')!;
    const [inPct, outPct] = [...load.textContent!.matchAll(/([\d.]+)%/g)].map((m) => Number(m[1]));
    expect(inPct).toBeCloseTo(mrtg.inPct, 1);
    expect(outPct).toBeCloseTo(mrtg.outPct, 1);

    const filter = action('filter.apply:ingress');
    expect(filter.querySelector('button')!.disabled).toBe(true);
    expect(filter.querySelector('[data-testid="why"]')?.textContent).toBe(
      'Needs the flooding traffic identified first — run NetFlow on a busy link or read the IDS alerts.',
    );
  });

  it('should send an order into the run and then say the filter is already in place', async () => {
    const { session, panel, out, stateBox, action } = await setup('en', 2400);
    action('diag.netflow').querySelector('button')!.click();
    expect(session.run.log.at(-1)).toMatchObject({
      type: 'diag.netflow',
      args: { device: 'intl' },
    });
    expect(out.lines.at(-1)?.ok).toBe(true);
    panel.update(session.view());
    expect(stateBox.querySelector('[data-state="underWay"]')?.textContent).toMatch(/NetFlow/);

    session.playTo(2760);
    panel.update(session.view());
    const filter = () => action('filter.apply:ingress').querySelector('button')!;
    expect(filter().disabled).toBe(false);
    filter().click();
    expect(session.run.log.at(-1)).toMatchObject({
      type: 'filter.apply',
      args: { device: 'intl', direction: 'ingress' },
    });
    session.playTo(3900);
    panel.update(session.view());
    expect(filter().disabled).toBe(true);
    expect(
      action('filter.apply:ingress').querySelector('[data-testid="why"]')?.textContent,
    ).toMatch(/^Already in place since \d\d:\d\d/);
    expect(stateBox.querySelector('[data-state="filterInPlace"]')).not.toBeNull();
  });

  it('should speak Korean with no raw keys', async () => {
    const { panel, stateBox } = await setup('ko', 2400);
    expect(stateBox.textContent).toMatch(/[가-힣]/);
    expect(panel.root.textContent).not.toMatch(RAW_KEY);
  });
});
