// The facilitator's evaluator link (issue 17): the join link plus the room's evaluator key. The
// server keeps only the key's hash, so the link is shown once it is made (in this tab) and a new
// one can be made at any time; the old key then stops admitting evaluators.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import type { TeamSession } from '../../session/teamSession';

/** The join link with `&evaluator=KEY`: opens the join form as an evaluator. */
export function evaluatorUrl(joinUrl: string, key: string): string {
  const url = new URL(joinUrl);
  url.searchParams.set('evaluator', key);
  return url.toString();
}

export function evaluatorLinkBox(
  ctx: UiContext,
  session: TeamSession,
  joinUrl: string,
): HTMLElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const key = session.evaluatorKey;
  const make = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'make-evaluator-link',
    text: t(key ? 'exercise.evaluator.newLink' : 'exercise.evaluator.makeLink'),
  });
  make.addEventListener('click', () => {
    ctx.audio.play('click');
    session.requestEvaluatorKey();
  });
  const box = el(
    'div',
    { class: 'team-evaluator-link', 'data-testid': 'evaluator-link-box' },
    el('h3', { text: t('exercise.evaluator.link') }),
    el('p', { class: 'hint', text: t('exercise.evaluator.linkHint') }),
  );
  if (key) {
    const url = evaluatorUrl(joinUrl, key);
    box.append(
      el('a', { class: 'team-link', href: url, 'data-testid': 'evaluator-link', text: url }),
    );
  }
  box.append(el('p', {}, make));
  return box;
}
