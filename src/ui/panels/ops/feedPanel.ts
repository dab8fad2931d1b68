// The event log: an ARIA live region mirroring what the map shows (DNS down, links saturated,
// staff arriving, messages), so every signal also exists as text for screen readers.
import type { UiContext } from '../../context';
import { CUSTOM_INJECT_SENDER, CUSTOM_INJECT_SUBJECT, type Level } from '../../../game';
import type { FeedItem } from '../../session/soloSession';
import { el } from '../../dom';
import { formatKstTime, local } from '../../format';
import { commandName, contactLabel, deviceLabel, staffLabel } from './labels';
import { feedKey } from './feedKey';
import { wording } from './disclosure';

const MAX_ITEMS = 60;

export class FeedPanel {
  readonly root: HTMLElement;
  readonly list: HTMLOListElement;

  constructor(
    private readonly ctx: UiContext,
    private readonly level: Level,
    /** The session's words for items of its own (team seats); see OpsSession.feedText. */
    private readonly ownText?: (item: FeedItem) => string | undefined,
    /** A task's arguments by id, so a task's line names the device it acts on. */
    private readonly taskArgs?: (id: number) => Record<string, unknown> | undefined,
    /** The player's knowledge flags now: until a diagnosis lines are worded by what is seen. */
    private readonly flags?: () => Readonly<Partial<Record<string, number>>>,
  ) {
    const t = ctx.i18n.t.bind(ctx.i18n);
    this.list = el('ol', { class: 'feed-list', 'data-testid': 'feed' });
    // The live region wraps the list (a role on the <ol> itself would hide its items' list role);
    // the footer scrolls, so it takes focus for keyboard scrolling.
    this.root = el(
      'footer',
      { class: 'ops-feed', tabindex: 0, 'aria-label': t('ops.feed') },
      el('h2', { class: 'sr-only', text: t('ops.feed') }),
      el('div', { role: 'log', 'aria-live': 'polite', 'aria-label': t('ops.feed') }, this.list),
    );
  }

  text(item: FeedItem): string {
    const { i18n } = this.ctx;
    const t = i18n.t.bind(i18n);
    const p = item.params;
    // A team seat's own lines (who did what, the server's refusals, connection notes).
    const own = this.ownText?.(item);
    if (own !== undefined) return own;
    const injectSubject = () =>
      local(i18n, this.level.injects.find((x) => x.id === p.inject)?.subject) ||
      // A facilitator's custom inject (team sessions) is not in the level.
      (p.from === CUSTOM_INJECT_SENDER || String(p.inject).startsWith('custom-')
        ? local(i18n, CUSTOM_INJECT_SUBJECT)
        : String(p.inject));
    const params: Record<string, string> = {
      id: deviceLabel(this.ctx, this.level, String(p.id ?? '')),
      staff: staffLabel(this.ctx, this.level, String(p.staff ?? '')),
      command: p.command
        ? commandName(
            this.ctx,
            this.level,
            String(p.command),
            p.task !== undefined ? this.taskArgs?.(Number(p.task)) : undefined,
            this.flags?.(),
          )
        : '',
      to: contactLabel(this.ctx, this.level, String(p.to ?? '')),
      from: p.from ? contactLabel(this.ctx, this.level, String(p.from)) : '',
      subject: p.inject ? injectSubject() : '',
      minutes: String(p.minutes ?? ''),
      kind: item.kind,
    };
    return t(
      feedKey(item.kind, (k) => i18n.exists(k)),
      {
        ...params,
        ...wording(this.flags?.() ?? {}),
      },
    );
  }

  add(items: FeedItem[]): void {
    const shown = items.filter(
      (i) =>
        i.kind !== 'autosave' &&
        !i.kind.startsWith('engine.action') &&
        i.kind !== 'engine.segments',
    );
    for (const item of shown) {
      this.list.prepend(
        el(
          'li',
          { 'data-kind': item.kind },
          el('span', { class: 'when', text: formatKstTime(this.ctx.i18n, item.tick) }),
          ` ${this.text(item)}`,
        ),
      );
    }
    while (this.list.children.length > MAX_ITEMS) this.list.lastElementChild?.remove();
  }

  /** A line for the player's own action (accepted or refused), in the same log. */
  note(text: string, ok: boolean, tick: number): void {
    this.list.prepend(
      el(
        'li',
        { class: ok ? 'own' : 'own refused', 'data-kind': ok ? 'own.accepted' : 'own.refused' },
        el('span', { class: 'when', text: formatKstTime(this.ctx.i18n, tick) }),
        ` ${text}`,
      ),
    );
    while (this.list.children.length > MAX_ITEMS) this.list.lastElementChild?.remove();
  }
}
