// Event-log lines a team seat adds to the run's own feed: who did what (every accepted log entry,
// with the seat's name), the server's refusals with its reason, and notes about the connection.
// Names are player text and end up in textContent like every feed line.
import type { i18n as I18n } from 'i18next';
import type { FeedItem } from '../../session/opsSession';

/** A command type in words: the game's name for it, else the team screens' own, else the id. */
export function commandName(i18n: I18n, type: string): string {
  if (i18n.exists(`cmd.${type}`)) return i18n.t(`cmd.${type}`);
  return i18n.t(`team.cmd.${type}`, { defaultValue: type });
}

export function teamFeedText(i18n: I18n, item: FeedItem): string {
  const p = item.params;
  const ko = i18n.language === 'ko';
  const command = p.command ? commandName(i18n, String(p.command)) : '';
  const params = {
    ...p,
    command,
    role: p.role ? i18n.t(`team.roles.${p.role}`) : '',
    reason: String((ko ? p.reasonKo : p.reasonEn) ?? ''),
  };
  if (item.kind === 'team.note') return i18n.t(String(p.key), params);
  if (item.kind === 'team.accepted' && p.by === 'exercise')
    return i18n.t('team.feed.exercise', params);
  if (item.kind === 'team.accepted' && (p.by === 'historical' || p.by === 'sensible'))
    return i18n.t(
      p.by === 'historical' ? 'team.feed.botHistorical' : 'team.feed.botSensible',
      params,
    );
  // The facilitator's seat is named by its role alone.
  if (item.kind === 'team.accepted' && p.role === 'facilitator')
    return i18n.t('team.feed.facilitator', params);
  return i18n.t(`team.feed.${item.kind.slice('team.'.length)}`, params);
}
