// The device panel: every device in a keyboard-friendly list (the map mirrors the selection), and
// the actions the selected device offers with their cost in staff and time. Global actions (IDS,
// link graphs, escalation) sit below.
import type { UiContext } from '../../context';
import type { OpsSession } from '../../session/opsSession';
import type { ViewSnapshot } from '../../../game';
import { el } from '../../dom';
import { KeyedList } from './keyedList';
import { actionsFor, deviceList, type ActionSpec, type Device } from './deviceActions';
import { commandName, deviceLabel } from './labels';
import { useFeatureStrings } from '../../../i18n';
import { mayAct } from '../team/permissions';
import { reportRefusal } from './refusalReport';
import { wording } from './disclosure';

export class DevicePanel {
  readonly root: HTMLElement;
  readonly select: HTMLSelectElement;
  private readonly actions: KeyedList;
  private readonly globals: KeyedList;
  private readonly state: KeyedList;
  private readonly stateBox: HTMLElement;
  private selected: Device = { kind: 'global' };
  private readonly listeners = new Set<(id: string | undefined) => void>();
  /** Every command type this panel can offer in the level (for a seat that has none of them). */
  private readonly panelTypes: ReadonlySet<string>;

  constructor(
    private readonly ctx: UiContext,
    private readonly session: OpsSession,
    private readonly report: (ok: boolean, text: string) => void,
  ) {
    const t = ctx.i18n.t.bind(ctx.i18n);
    this.select = el('select', {
      id: 'device-select',
      size: 9,
      'aria-label': t('ops.devices'),
      'aria-keyshortcuts': 'D',
    });
    const devices = deviceList(session.level);
    const all = new Set(Object.keys(session.level.commands));
    this.panelTypes = new Set(
      [...devices, { kind: 'global' as const }]
        .flatMap((d) => actionsFor(d, session.level, all))
        .map((s) => s.type),
    );
    for (const group of ['node', 'link'] as const) {
      const og = el('optgroup', { label: t(group === 'node' ? 'ops.devices' : 'kinds.link') });
      for (const d of devices.filter((x) => x.kind === group)) {
        og.append(
          el('option', {
            value: `${d.kind}:${d.id}`,
            text: `${deviceLabel(ctx, session.level, d.id)} · ${t(`kinds.${d.type}`)}`,
          }),
        );
      }
      this.select.append(og);
    }
    this.select.addEventListener('change', () => {
      const [kind, id] = this.select.value.split(':') as ['node' | 'link', string];
      this.choose({ kind, id }, false);
    });
    this.select.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        // The first action that can run now (a disabled one cannot take focus).
        this.actions.root.querySelector<HTMLElement>('button:not([disabled])')?.focus();
      }
    });
    const actionsRoot = el('div', { class: 'action-list', 'data-testid': 'device-actions' });
    const globalsRoot = el('div', { class: 'action-list', 'data-testid': 'global-actions' });
    this.state = new KeyedList(el('ul', { class: 'device-state-list' }));
    this.stateBox = el(
      'section',
      { class: 'device-state', 'data-testid': 'device-state', 'aria-labelledby': 'state-heading' },
      el('h3', { id: 'state-heading' }),
      this.state.root,
    );
    this.stateBox.hidden = true;
    // Fetched after the first screen (see deviceInsight.ts): when a device is first chosen, or a
    // moment after Ops is up. Until then actions show no reasons and the core's refusal explains
    // a click.
    this.insightTimer = setTimeout(() => this.loadInsight(), 1500);
    this.actions = new KeyedList(actionsRoot);
    this.globals = new KeyedList(globalsRoot);
    this.root = el(
      'section',
      { class: 'ops-devices panel-flat', 'aria-labelledby': 'devices-heading' },
      el('h2', { id: 'devices-heading', text: t('ops.devices') }),
      el('p', { class: 'hint', text: t('ops.deviceHint') }),
      this.select,
      this.stateBox,
      el('h3', { id: 'actions-heading', text: t('ops.actions') }),
      actionsRoot,
      globalsRoot,
    );
  }

  onSelect(listener: (id: string | undefined) => void): void {
    this.listeners.add(listener);
  }

  selectedId(): string | undefined {
    return this.selected.kind === 'global' ? undefined : this.selected.id;
  }

  /** Selects a device (from the map or the list). */
  choose(device: Device, syncList = true): void {
    this.selected = device;
    this.loadInsight();
    if (syncList && device.kind !== 'global') this.select.value = `${device.kind}:${device.id}`;
    this.actions.invalidate();
    // At once, not at the next refresh: an Enter right after choosing must reach this device's
    // actions, not the previous device's (both may have an action with the same key).
    if (this.lastView) this.update(this.lastView);
    this.listeners.forEach((l) => l(this.selectedId()));
  }

  private insightTimer?: ReturnType<typeof setTimeout>;
  private insightLoading = false;

  private loadInsight(): void {
    clearTimeout(this.insightTimer);
    if (this.insightLoading) return;
    this.insightLoading = true;
    void Promise.all([import('./deviceInsight'), useFeatureStrings(this.ctx.i18n, 'device')]).then(
      ([m]) => {
        this.insight = m;
        this.actions.invalidate();
        this.globals.invalidate();
        if (this.lastView) this.update(this.lastView);
      },
    );
  }

  private lastView?: ViewSnapshot;
  private insight?: typeof import('./deviceInsight');

  update(view: ViewSnapshot): void {
    this.lastView = view;
    // A team seat offers only its role's commands (solo: every one the level has).
    const offered = new Set(
      view.commands.map((c) => c.type).filter((type) => mayAct(this.session, type)),
    );
    // A seat with none of these actions (communications, the facilitator) may fold the panel away
    // where space is short (the phone layout).
    this.root.toggleAttribute('data-no-actions', ![...offered].some((t) => this.panelTypes.has(t)));
    const costs = new Map(view.commands.map((c) => [c.type, c]));
    // Rebuilt only when what decides the actions changes (staff, knowledge, orders starting or
    // landing), not at every refresh: a rebuild would drop what the player typed in a field.
    const sig = (specs: ActionSpec[]) =>
      `${this.ctx.i18n.language}|${specs.map((s) => s.key).join(',')}|${[...costs.values()].map((c) => c.staffFree).join(',')}|${Object.keys(view.flags).join(',')}|${view.tasks.map((x) => `${x.id}${x.status[0]}`).join(',')}|${view.ended}`;
    this.updateState(view);
    const deviceSpecs =
      this.selected.kind === 'global' ? [] : actionsFor(this.selected, this.session.level, offered);
    this.actions.update(`${this.selectedId()}|${sig(deviceSpecs)}`, () =>
      deviceSpecs.length
        ? deviceSpecs.map((s) => this.renderAction(s, view))
        : [
            el('p', {
              class: 'hint',
              text: this.ctx.i18n.t(
                this.selected.kind === 'global' ? 'ops.deviceHint' : 'ops.noActions',
              ),
            }),
          ],
    );
    const globalSpecs = actionsFor({ kind: 'global' }, this.session.level, offered);
    this.globals.update(`global|${sig(globalSpecs)}`, () =>
      globalSpecs.map((s) => this.renderAction(s, view)),
    );
  }

  private renderAction(spec: ActionSpec, view: ViewSnapshot): HTMLElement {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const cost = view.commands.find((c) => c.type === spec.type);
    const missing = cost?.requires.filter((f) => view.flags[f] === undefined) ?? [];
    // Until a diagnosis an order is named by what the player sees (disclosure.ts).
    const words = wording(view.flags);
    const name = this.actionName(spec, view);
    const button = el('button', {
      type: 'button',
      class: 'run',
      'data-key': spec.key,
      'data-command': spec.type,
      text: t('ops.run'),
    });
    button.setAttribute('aria-label', `${t('ops.run')}: ${name}`);
    const can = this.canRun(spec, view);
    const why = can.ok ? '' : this.insight!.reasonText(this.ctx, can.reason, view.flags);
    const needs =
      can.ok && missing.length
        ? t('ops.needsFlag', { flag: missing.map((f) => t(`flags.${f}`, words)).join(', ') })
        : '';
    const whyId = `why-${spec.key}`.replace(/[^a-zA-Z0-9_-]/g, '_');
    if (!can.ok) {
      button.disabled = true;
      button.setAttribute('aria-describedby', whyId);
    }
    const row = el(
      'div',
      { class: can.ok ? 'action' : 'action unavailable', 'data-action-key': spec.key },
      el('span', { class: 'action-name', text: name }),
      ...this.actionInputs(spec),
      button,
      el('span', {
        class: 'action-cost',
        text: [can.ok ? this.staffText(cost) : '', needs].filter(Boolean).join(' · '),
      }),
      why ? el('span', { class: 'action-why', id: whyId, 'data-testid': 'why', text: why }) : null,
    );
    button.addEventListener('click', () => this.runAction(spec, row));
    return row;
  }

  /** The order in the player's words, with its direction and the segment or cluster it acts on. */
  private actionName(spec: ActionSpec, view: ViewSnapshot): string {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    return [
      t(`cmd.${spec.type}`, wording(view.flags)),
      spec.direction ? `(${t(`directions.${spec.direction}`)})` : '',
      spec.subject
        ? `— ${deviceLabel(
            this.ctx,
            this.session.level,
            String(spec.args.segment ?? spec.args.cluster ?? spec.args.from ?? ''),
            spec.subject,
            spec.args.segment !== undefined ? 'segments' : 'clusters',
          )}`
        : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** The order's parameters (a number or a choice), labelled. */
  private actionInputs(spec: ActionSpec): HTMLElement[] {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    return spec.fields.map((f) => {
      const id = `f-${spec.key}-${f.name}`.replace(/[^a-zA-Z0-9_-]/g, '_');
      const input =
        f.kind === 'select'
          ? el(
              'select',
              { id, name: f.name },
              ...(f.options ?? []).map((o) =>
                el('option', {
                  value: o.value,
                  text: deviceLabel(this.ctx, this.session.level, o.value, o.label),
                }),
              ),
            )
          : el('input', {
              id,
              name: f.name,
              type: 'number',
              min: f.min,
              max: f.max,
              step: f.step,
              value: f.value,
              inputmode: 'numeric',
            });
      return el('label', { class: 'field', for: id }, el('span', { text: t(f.label) }), input);
    });
  }

  /** Who the order needs and for how long, or that nobody with that skill is free. */
  private staffText(cost: ViewSnapshot['commands'][number] | undefined): string {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    if (!cost?.skill) return '';
    return cost.staffFree >= cost.staff
      ? t('ops.staffNeeded', {
          n: cost.staff,
          skill: t(`skills.${cost.skill}`),
          min: cost.durationMin,
        })
      : t('ops.noStaffFree', { skill: t(`skills.${cost.skill}`) });
  }

  /** Can it run now (with its fields' defaults)? If not, the button is disabled and the reason
   *  stands beside it. Until the reasons' code has arrived every order is offered. */
  private canRun(spec: ActionSpec, view: ViewSnapshot) {
    const defaults: Record<string, unknown> = { ...spec.args };
    for (const f of spec.fields) defaults[f.name] = f.value;
    return !this.insight
      ? { ok: true as const }
      : this.session.ended
        ? { ok: false as const, reason: { key: 'ended', params: {} } }
        : this.insight.availability(
            spec,
            defaults,
            this.session.run.state,
            this.session.level,
            view,
          );
  }

  /** Sends the order with the values in its row; the log line names the device it acts on. */
  private runAction(spec: ActionSpec, row: HTMLElement): void {
    const args: Record<string, unknown> = { ...spec.args };
    for (const f of spec.fields) {
      const input = row.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${f.name}"]`);
      if (!input) continue;
      args[f.name] = f.kind === 'number' ? Number(input.value) : input.value;
    }
    if (spec.type === 'dns.moveResolution') {
      args.to = args.to ?? spec.fields[0]?.value;
    }
    const outcome = this.session.command(spec.type, args);
    const named = commandName(
      this.ctx,
      this.session.level,
      spec.type,
      args,
      this.session.run.state.flags,
    );
    if (outcome.ok) this.report(true, this.ctx.i18n.t('ops.accepted', { name: named }));
    else reportRefusal(this.ctx, outcome.rejection, this.report);
  }

  private updateState(view: ViewSnapshot): void {
    const device = this.selected;
    this.stateBox.hidden = device.kind === 'global' || !this.insight;
    if (device.kind === 'global' || !this.insight) return;
    // The heading's string arrives with the state strings (fetched after Ops is up), so it is
    // written here rather than when the panel is built; it also follows a language switch.
    const heading = this.stateBox.querySelector('h3');
    const title = this.ctx.i18n.t('state.heading');
    if (heading && heading.textContent !== title) heading.textContent = title;
    const lines = this.insight.deviceState(this.session.level, view, device);
    const texts = lines.map((l) => ({
      line: l,
      text: this.insight!.stateText(this.ctx, this.session.level, l, view),
    }));
    this.state.update(
      `${this.ctx.i18n.language}|${device.kind}:${device.id}|${texts.map((x) => x.text).join('|')}`,
      () =>
        texts.map(({ line, text }) =>
          el('li', { class: line.tone ? `state-${line.tone}` : '', 'data-state': line.key, text }),
        ),
    );
  }
}
