// False or premature claims, named where the player acts: before sending, a warning when the
// player's own information (the observed view: monitoring, diagnoses, the event log, tasks done —
// never the hidden truth) contradicts a claim the message makes, which they may heed or override;
// after sending, the event log names a claim that was false with the truth of that moment.
// Fetched with the first message that makes a claim.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import {
  FALSE_CLAIM_PENALTY,
  claimWarnings,
  type Claim,
  type ClaimWarning,
  type SentMessage,
} from '../../../game';
import type { OpsSession } from '../../session/opsSession';
import { falseClaimText, namesFromLevel, warningText } from '../../../aar/scoreWords';
import { deviceLabel } from '../ops/labels';
import { langOf } from './scoreView';

/** What the player's monitoring says about the claims of a draft message. */
export function warningsFor(session: OpsSession, claims: readonly Claim[]): ClaimWarning[] {
  const view = session.view();
  return claimWarnings(
    claims,
    {
      tick: view.tick,
      monitoring: view.monitoring,
      flags: view.flags,
      // The whole event log the player was shown (the view keeps only the latest lines).
      feed: session.run.state.feed,
      tasks: view.tasks,
    },
    session.level,
  );
}

/** The warning box: what contradicts which claim, what a false claim costs, and the choice. */
export function warningBox(
  ctx: UiContext,
  level: OpsSession['level'],
  warnings: readonly ClaimWarning[],
  onSend: () => void,
  onRevise: () => void,
): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const lang = langOf(ctx.i18n);
  const send = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'claim-send-anyway',
    text: t('claimWarning.sendAnyway'),
  });
  const revise = el('button', {
    type: 'button',
    class: 'run',
    'data-testid': 'claim-revise',
    text: t('claimWarning.revise'),
  });
  send.addEventListener('click', onSend);
  revise.addEventListener('click', onRevise);
  const box = el(
    'div',
    { class: 'claim-warning', role: 'alert', 'data-testid': 'claim-warning' },
    el('strong', { text: t('claimWarning.heading') }),
    el(
      'ul',
      {},
      ...warnings.map((w) =>
        el('li', {
          'data-claim': w.claim,
          text: warningText(w, lang, (id) => deviceLabel(ctx, level, id)),
        }),
      ),
    ),
    el('p', { class: 'hint', text: t('claimWarning.cost', { points: FALSE_CLAIM_PENALTY }) }),
    el('div', { class: 'button-row' }, revise, send),
  );
  return box;
}

/** The event log's lines for a message whose claims were false when it landed. */
export function falseClaimLines(
  ctx: UiContext,
  level: OpsSession['level'],
  m: SentMessage,
): string[] {
  const names = namesFromLevel(level);
  const lang = langOf(ctx.i18n);
  return m.falseClaims.map((claim) =>
    ctx.i18n.t('claimWarning.sentFalse', {
      text: falseClaimText({ to: m.to, claim, at: m.tick, facts: m.facts ?? null }, lang, names),
    }),
  );
}
