// The device panel's insight (a device's known state, why an action cannot run, both in words),
// fetched once Ops is on screen so the first download stays small; the panel works without it
// meanwhile.
import type { UiContext } from '../../context';
import type { Level, ViewSnapshot } from '../../../game';
import { formatKstTime, formatNumber } from '../../format';
import { commandName, deviceLabel } from './labels';
import { renderRejectionFor } from './refusal';
import type { StateLine } from './deviceState';
import type { Reason } from './actionAvailability';
import { wording } from './disclosure';

export { deviceState } from './deviceState';
export { availability } from './actionAvailability';

export function stateText(
  ctx: UiContext,
  level: Level,
  line: StateLine,
  view: ViewSnapshot,
): string {
  const { i18n } = ctx;
  const p = line.params;
  const task = p.task !== undefined ? view.tasks.find((x) => x.id === p.task) : undefined;
  const params: Record<string, string | number> = { ...p };
  for (const k of ['since', 'at', 'due', 'until'] as const)
    if (typeof p[k] === 'number') params[k] = formatKstTime(i18n, p[k]);
  for (const k of [
    'inPct',
    'outPct',
    'pct',
    'ok',
    'qps',
    'hosts',
    'done',
    'rate',
    'outKpps',
    'inKpps',
  ])
    if (typeof p[k] === 'number') params[k] = formatNumber(i18n, p[k], 1);
  if (p.direction) params.direction = i18n.t(`directions.${p.direction}`);
  if (p.link) params.link = deviceLabel(ctx, level, String(p.link), undefined, 'links');
  if (p.cluster) params.cluster = deviceLabel(ctx, level, String(p.cluster), undefined, 'clusters');
  if (p.to) params.to = deviceLabel(ctx, level, String(p.to), undefined, 'clusters');
  if (p.segment) params.segment = deviceLabel(ctx, level, String(p.segment), undefined, 'segments');
  if (task) params.name = commandName(ctx, level, task.type, task.args);
  return i18n.t(`state.${line.key}`, params);
}

export function reasonText(ctx: UiContext, reason: Reason, flags: ViewSnapshot['flags']): string {
  const { i18n } = ctx;
  if (reason.rejection) return renderRejectionFor(ctx, reason.rejection, flags);
  const p = reason.params;
  const params: Record<string, string | number> = { ...p };
  for (const k of ['since', 'at', 'until'] as const)
    if (typeof p[k] === 'number') params[k] = formatKstTime(i18n, p[k]);
  if (p.skill) params.skill = i18n.t(`skills.${p.skill}`);
  return i18n.t(`why.${reason.key}`, { ...params, ...wording(flags) });
}
