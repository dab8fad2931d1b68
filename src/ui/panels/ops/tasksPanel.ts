// Tasks in progress (with progress and who is doing them) and the staff roster: who is on duty,
// busy, on the way, or can be called in — people are finite and arrive late on a Saturday.
import type { UiContext } from '../../context';
import type { OpsSession } from '../../session/opsSession';
import type { ViewSnapshot } from '../../../game';
import { el } from '../../dom';
import { formatKstTime, local } from '../../format';
import { KeyedList } from './keyedList';
import { commandName, nameDevices } from './labels';
import { reportRefusal } from './refusalReport';
import { mayAct } from '../team/permissions';

export class TasksPanel {
  readonly root: HTMLElement;
  private readonly tasks: KeyedList;
  private readonly staff: KeyedList;
  private readonly findings: KeyedList;

  constructor(
    private readonly ctx: UiContext,
    private readonly session: OpsSession,
    private readonly report: (ok: boolean, text: string) => void,
  ) {
    const t = ctx.i18n.t.bind(ctx.i18n);
    this.tasks = new KeyedList(el('ul', { class: 'tasks', 'data-testid': 'tasks' }));
    this.staff = new KeyedList(el('ul', { class: 'staff', 'data-testid': 'staff' }));
    this.findings = new KeyedList(el('ul', { class: 'findings', 'data-testid': 'findings' }));
    this.root = el(
      'div',
      { class: 'tasks-panel' },
      el('h3', { text: t('ops.tasks') }),
      this.tasks.root,
      el('h3', { text: t('ops.observations') }),
      this.findings.root,
      el('h3', { text: t('briefing.staffOnDuty') }),
      this.staff.root,
    );
  }

  focusFirst(): void {
    this.root.querySelector<HTMLElement>('button')?.focus();
  }

  update(view: ViewSnapshot): void {
    const { i18n } = this.ctx;
    const t = i18n.t.bind(i18n);
    // Running tasks first, then the most recent finished ones.
    const recent = [
      ...view.tasks.filter((x) => x.status === 'running'),
      ...view.tasks
        .filter((x) => x.status !== 'running')
        .slice(-8)
        .reverse(),
    ].slice(0, 14);
    this.tasks.update(
      `${i18n.language}|${recent.map((x) => `${x.id}:${x.status}:${Math.floor(x.progress * 20)}`).join(',')}`,
      () =>
        recent.length
          ? recent.map((task) => {
              const name = commandName(this.ctx, this.session.level, task.type, task.args);
              const pct = Math.round(task.progress * 100);
              const label =
                task.status === 'running'
                  ? t('ops.taskRunning', { name, pct })
                  : task.status === 'failed'
                    ? t('ops.taskFailed', { name })
                    : t('ops.taskDone', { name });
              return el(
                'li',
                { class: `task ${task.status}` },
                el('span', { text: label }),
                el('progress', { max: 100, value: pct, 'aria-label': label }),
                task.failure
                  ? el('span', {
                      class: 'hint',
                      text: nameDevices(this.ctx, this.session.level, local(i18n, task.failure)),
                    })
                  : null,
              );
            })
          : [el('li', { class: 'hint', text: t('ops.noTasks') })],
    );
    const obs = view.observations.slice(-8).reverse();
    this.findings.update(`${i18n.language}|${view.observations.length}`, () =>
      obs.map((o) =>
        el(
          'li',
          {},
          el('span', { class: 'when', text: formatKstTime(i18n, o.tick) }),
          ` ${nameDevices(this.ctx, this.session.level, local(i18n, o.text))}`,
        ),
      ),
    );
    this.staff.update(
      `${i18n.language}|${view.staff.map((s) => `${s.id}:${s.status}`).join(',')}`,
      () =>
        view.staff.map((s) => {
          const status = t(`staffStatus.${s.status}`, {
            time: s.arrivesAt !== null ? formatKstTime(i18n, s.arrivesAt) : '',
          });
          const row = el(
            'li',
            { class: `staff ${s.status}` },
            el('span', {
              text: t('ops.staffStatus', {
                name: local(i18n, s.name),
                skill: t(`skills.${s.skill}`),
                status,
              }),
            }),
          );
          if (s.status === 'off' && mayAct(this.session, 'staff.call')) {
            const b = el('button', {
              type: 'button',
              class: 'run',
              'data-key': `call:${s.id}`,
              'data-staff': s.id,
              text: t('ops.callIn'),
            });
            b.addEventListener('click', () => {
              const outcome = this.session.command('staff.call', { staff: s.id });
              if (outcome.ok)
                this.report(
                  true,
                  t('ops.accepted', { name: `${t('cmd.staff.call')}: ${local(i18n, s.name)}` }),
                );
              else reportRefusal(this.ctx, outcome.rejection, this.report);
            });
            row.append(b);
          }
          return row;
        }),
    );
  }
}
