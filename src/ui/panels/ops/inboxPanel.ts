// Inbox and outbox: situations waiting for an answer (injects, with their choices), messages
// received, and a composer — recipient, content blocks, and the claims those blocks make (speed
// vs accuracy: a claim that is not true costs trust).
import type { UiContext } from '../../context';
import type { OpsSession } from '../../session/opsSession';
import type { ViewSnapshot } from '../../../game';
import { reportRefusal } from './refusalReport';
import { el } from '../../dom';
import { formatKstTime, local } from '../../format';
import { KeyedList } from './keyedList';
import { contactLabel, nameDevices } from './labels';
import { mayAct, mayAnswer } from '../team/permissions';
import { diagnosed, namesTruth } from './disclosure';
import { useFeatureStrings } from '../../../i18n';
import { deadlineText } from './deadline';

/** The extensions the facilitator is offered on a situation card (game minutes). */
const EXTEND_MINUTES = [10, 30] as const;

type ActiveInject = ViewSnapshot['activeInjects'][number];

export class InboxPanel {
  readonly root: HTMLElement;
  private readonly situations: KeyedList;
  private readonly messages: KeyedList;
  private readonly recipient: HTMLSelectElement;
  private readonly blocks: HTMLElement;
  private readonly claimsLine: HTMLElement;
  private readonly compose: HTMLElement;
  /** Whether the options offered so far were those for after a diagnosis. */
  private offersTruth = false;
  private readonly sendButton: HTMLButtonElement;
  /** The warning shown before sending a claim the player's own information contradicts. */
  private warning?: HTMLElement;

  constructor(
    private readonly ctx: UiContext,
    private readonly session: OpsSession,
    private readonly report: (ok: boolean, text: string) => void,
  ) {
    const t = ctx.i18n.t.bind(ctx.i18n);
    const level = session.level;
    this.situations = new KeyedList(
      el('div', { class: 'situations', 'data-testid': 'situations' }),
    );
    this.messages = new KeyedList(el('ol', { class: 'messages', 'data-testid': 'messages' }));
    this.recipient = el('select', { id: 'compose-to', 'data-testid': 'compose-to' });
    for (const c of level.contacts)
      this.recipient.append(el('option', { value: c.id, text: contactLabel(ctx, level, c.id) }));
    this.blocks = el('fieldset', { class: 'blocks' }, el('legend', { text: t('ops.content') }));
    this.claimsLine = el('p', { class: 'hint claims' });
    this.recipient.addEventListener('change', () => this.renderBlocks());
    const send = el('button', {
      type: 'button',
      class: 'run',
      'data-testid': 'compose-send',
      text: t('ops.send'),
    });
    send.addEventListener('click', () => this.send());
    this.sendButton = send;
    this.renderBlocks();
    this.compose = el(
      'section',
      { class: 'compose', 'aria-labelledby': 'compose-heading' },
      el('h3', { id: 'compose-heading', text: t('ops.compose') }),
      el('label', { for: 'compose-to', text: t('ops.recipient') }),
      this.recipient,
      this.blocks,
      this.claimsLine,
      send,
    );
    this.root = el(
      'div',
      { class: 'inbox' },
      this.situations.root,
      this.compose,
      el('h3', { text: t('ops.inbox') }),
      this.messages.root,
    );
  }

  /** Focuses the first open situation's first choice; false when none is open. (Not the
   *  composer: its fields take every key, and the game's shortcuts would stop working.) */
  focusFirst(): boolean {
    const choice = this.situations.root.querySelector<HTMLElement>('button');
    choice?.focus();
    return !!choice;
  }

  private contact() {
    return this.session.level.contacts.find((c) => c.id === this.recipient.value)!;
  }

  /** The recipient's options the player can say now: nothing about a worm before a diagnosis. */
  private options() {
    return this.contact().options.filter((o) => this.offersTruth || !namesTruth(o));
  }

  private renderBlocks(): void {
    this.offersTruth = diagnosed(this.session.run.state.flags);
    const checked = new Set(this.chosen());
    this.blocks.querySelectorAll('label').forEach((n) => n.remove());
    for (const opt of this.options()) {
      const id = `block-${opt.id}`;
      const box = el('input', { type: 'checkbox', id, value: opt.id, 'data-block': opt.id });
      box.checked = checked.has(opt.id);
      box.addEventListener('change', () => this.renderClaims());
      this.blocks.append(
        el(
          'label',
          { for: id, class: 'block' },
          box,
          el('span', { text: local(this.ctx.i18n, opt.text) }),
        ),
      );
    }
    this.renderClaims();
  }

  private chosen(): string[] {
    return [...this.blocks.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
  }

  private renderClaims(): void {
    this.clearWarning();
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const claims = this.options()
      .filter((o) => this.chosen().includes(o.id))
      .flatMap((o) => o.claims);
    this.claimsLine.textContent = claims.length
      ? `⚑ ${[...new Set(claims)].map((c) => t(`claims.${c}`)).join(' · ')}`
      : '';
  }

  private clearWarning(): void {
    this.warning?.remove();
    this.warning = undefined;
  }

  /**
   * Sends the draft. A draft that makes claims is first checked against what the player's own
   * monitoring shows (the check and its words are fetched with the first such message); if
   * something contradicts a claim, a warning asks to revise or send anyway.
   */
  private send(checked = false): void {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const blocks = this.chosen();
    const contact = this.contact();
    const claims = [
      ...new Set(contact.options.filter((o) => blocks.includes(o.id)).flatMap((o) => o.claims)),
    ];
    if (!checked && claims.length > 0) {
      void Promise.all([
        import('../score/claimWarning'),
        useFeatureStrings(this.ctx.i18n, 'score'),
      ]).then(([m]) => {
        const warnings = m.warningsFor(this.session, claims);
        if (warnings.length === 0) return this.send(true);
        this.clearWarning();
        const box = m.warningBox(
          this.ctx,
          this.session.level,
          warnings,
          () => {
            this.clearWarning();
            this.send(true);
          },
          () => {
            this.clearWarning();
            this.blocks.querySelector<HTMLInputElement>('input:checked')?.focus();
          },
        );
        this.warning = box;
        this.sendButton.before(box);
        box.querySelector<HTMLButtonElement>('button')?.focus();
      });
      return;
    }
    const outcome = this.session.command('comms.send', { to: contact.id, blocks, claims });
    const name = `${t('cmd.comms.send')} → ${contactLabel(this.ctx, this.session.level, contact.id)}`;
    if (outcome.ok) {
      this.blocks.querySelectorAll<HTMLInputElement>('input').forEach((b) => (b.checked = false));
      this.renderClaims();
      this.report(true, t('ops.accepted', { name }));
    } else {
      reportRefusal(this.ctx, outcome.rejection, this.report);
    }
  }

  update(view: ViewSnapshot): void {
    // Only a seat that may send messages gets the composer (solo: always; a team role can change).
    this.compose.hidden = !mayAct(this.session, 'comms.send');
    // A diagnosis gives the player the words for what they found.
    if (diagnosed(view.flags) !== this.offersTruth) this.renderBlocks();
    const { language } = this.ctx.i18n;
    this.situations.update(`${language}|${view.activeInjects.map((i) => i.id).join(',')}`, () =>
      view.activeInjects.map((inj) => this.situationCard(inj)),
    );
    this.updateDeadlines(view);
    this.renderMessages(view);
  }

  /** A situation card: who asks what, its countdown line, and the choices this seat may give. */
  private situationCard(inj: ActiveInject): HTMLElement {
    const { i18n } = this.ctx;
    const t = i18n.t.bind(i18n);
    const level = this.session.level;
    const box = el(
      'article',
      { class: 'situation', 'data-inject': inj.id },
      el('h3', { text: local(i18n, inj.subject) }),
      el('p', {
        class: 'hint',
        text: t('ops.from', { from: contactLabel(this.ctx, level, inj.from) }),
      }),
      el('p', { text: nameDevices(this.ctx, level, local(i18n, inj.message)) }),
      el('p', { class: 'deadline', 'data-testid': 'deadline', 'aria-live': 'off' }),
    );
    // The clock's owner in a team (the facilitator) may give the players more time.
    if (
      this.session.mode === 'team' &&
      inj.expiresAt !== null &&
      mayAct(this.session, 'inject.extend')
    )
      box.append(this.extendButtons(inj));
    // Another role's situation is shown but answered elsewhere (team seats; solo answers all).
    const answerable = mayAnswer(this.session, inj.roles);
    if (!answerable) box.append(el('p', { class: 'hint', text: t('team.console.notYours') }));
    for (const choice of answerable ? inj.choices : []) box.append(this.choiceButton(inj, choice));
    return box;
  }

  private extendButtons(inj: ActiveInject): HTMLElement {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const extend = el('p', { class: 'extend' });
    for (const minutes of EXTEND_MINUTES) {
      const b = el('button', {
        type: 'button',
        class: 'tool',
        'data-extend': minutes,
        text: t('ops.extend', { minutes }),
        title: t('ops.extendTitle', { minutes }),
      });
      b.addEventListener('click', () => {
        const outcome = this.session.command('inject.extend', { inject: inj.id, minutes });
        if (outcome.ok) this.report(true, t('ops.accepted', { name: t('cmd.inject.extend') }));
        else reportRefusal(this.ctx, outcome.rejection, this.report);
      });
      extend.append(b);
    }
    return extend;
  }

  private choiceButton(inj: ActiveInject, choice: ActiveInject['choices'][number]): HTMLElement {
    const { i18n } = this.ctx;
    const b = el('button', {
      type: 'button',
      class: 'run',
      'data-key': `${inj.id}:${choice.id}`,
      'data-choice': choice.id,
      text: local(i18n, choice.label),
    });
    b.addEventListener('click', () => {
      const outcome = this.session.command('inject.answer', {
        inject: inj.id,
        choice: choice.id,
      });
      if (outcome.ok)
        this.report(true, i18n.t('ops.accepted', { name: local(i18n, choice.label) }));
      else reportRefusal(this.ctx, outcome.rejection, this.report);
    });
    return b;
  }

  /** The countdowns change every refresh; the cards themselves only when the set of situations does. */
  private updateDeadlines(view: ViewSnapshot): void {
    const { i18n } = this.ctx;
    for (const inj of view.activeInjects) {
      const line = this.situations.root.querySelector<HTMLElement>(
        `[data-inject="${CSS.escape(inj.id)}"] .deadline`,
      );
      if (!line) continue;
      line.textContent = deadlineText(i18n, inj, view) ?? i18n.t('ops.noDeadline');
      // Game seconds left, for tests and assistive tools that read numbers rather than words.
      if (inj.expiresAt !== null)
        line.dataset.leftS = String(Math.max(0, inj.expiresAt - view.tick));
      line.classList.toggle('urgent', inj.expiresAt !== null && inj.expiresAt - view.tick < 300);
    }
  }

  /** Messages in and out, newest first (the last 40). */
  private renderMessages(view: ViewSnapshot): void {
    const { i18n } = this.ctx;
    const level = this.session.level;
    const items = [
      ...view.inbox.map((m) => ({
        tick: m.tick,
        key: `in:${m.id}`,
        from: contactLabel(this.ctx, level, m.from),
        subject: local(i18n, m.subject),
        body: nameDevices(this.ctx, level, local(i18n, m.body)),
        out: false,
      })),
      ...view.outbox.map((m, i) => ({
        tick: m.tick,
        key: `out:${i}`,
        from: `→ ${contactLabel(this.ctx, level, m.to)}`,
        subject: m.blocks
          .map((b) =>
            local(
              i18n,
              level.contacts.find((c) => c.id === m.to)?.options.find((o) => o.id === b)?.text,
            ),
          )
          .join(' '),
        body: '',
        out: true,
      })),
    ].sort((a, b) => b.tick - a.tick);
    this.messages.update(`${i18n.language}|${items.length}`, () =>
      items.length
        ? items
            .slice(0, 40)
            .map((m) =>
              el(
                'li',
                { class: m.out ? 'message out' : 'message' },
                el('span', { class: 'when', text: formatKstTime(i18n, m.tick) }),
                el('strong', { text: ` ${m.from}: ` }),
                el('span', { text: m.subject }),
                m.body ? el('p', { text: m.body }) : null,
              ),
            )
        : [el('li', { class: 'hint', text: i18n.t('ops.noInbox') })],
    );
  }
}
