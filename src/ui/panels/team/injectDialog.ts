// The facilitator's custom inject: text in Korean and English to one role or everyone, with
// optional answer choices (one per line, "Korean | English"). Checked here before it is sent;
// the core checks it again on this copy of the run and on the server.
import {
  CUSTOM_INJECT_CHOICES_MAX,
  CUSTOM_INJECT_TARGETS,
  CUSTOM_INJECT_TEXT_MAX,
  type CustomInjectTarget,
} from '../../../game';
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { openModal } from '../modal';
import type { TeamSession } from '../../session/teamSession';
import { renderRejectionFor } from '../ops/refusal';

export function openInjectDialog(ctx: UiContext, session: TeamSession): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const roles = new Set<string>(session.info.roles);
  const to = el(
    'select',
    { id: 'inject-to', 'data-testid': 'inject-to' },
    ...CUSTOM_INJECT_TARGETS.filter((r) => r === 'all' || roles.has(r)).map((r) =>
      el('option', {
        value: r,
        text: r === 'all' ? t('team.facilitator.everyone') : t(`team.roles.${r}`),
      }),
    ),
  );
  const area = (id: string) =>
    el('textarea', { id, 'data-testid': id, maxlength: CUSTOM_INJECT_TEXT_MAX, rows: 3 });
  const textKo = area('inject-ko');
  textKo.lang = 'ko';
  const textEn = area('inject-en');
  textEn.lang = 'en';
  const choices = el('textarea', {
    id: 'inject-choices',
    'data-testid': 'inject-choices',
    rows: 3,
    placeholder: t('team.facilitator.choicesHint'),
  });
  const msg = el('p', { class: 'team-msg', role: 'status', 'data-testid': 'inject-msg' });
  const send = el('button', {
    type: 'submit',
    class: 'run',
    'data-testid': 'inject-send',
    text: t('team.facilitator.send'),
  });
  const close = el('button', { type: 'button', class: 'tool', text: t('team.facilitator.close') });
  const form = el(
    'form',
    { method: 'dialog', novalidate: true },
    el('h2', { id: 'inject-heading', text: t('team.facilitator.inject') }),
    el('label', { for: 'inject-to', text: t('team.facilitator.injectTo') }),
    to,
    el('label', { for: 'inject-ko', text: t('team.facilitator.textKo') }),
    textKo,
    el('label', { for: 'inject-en', text: t('team.facilitator.textEn') }),
    textEn,
    el('label', { for: 'inject-choices', text: t('team.facilitator.choices') }),
    choices,
    msg,
    el('div', { class: 'button-row' }, send, close),
  );
  const dialog = el(
    'dialog',
    { class: 'panel team-dialog', 'aria-labelledby': 'inject-heading', 'data-testid': 'inject' },
    form,
  );
  const say = (text: string, error: boolean) => {
    msg.textContent = text;
    msg.classList.toggle('run-error', error);
  };
  const modal = openModal(ctx.overlay, dialog, { focus: textKo });
  close.addEventListener('click', modal.close);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const ko = textKo.value.trim();
    const en = textEn.value.trim();
    if (!ko || !en) {
      say(t('team.facilitator.textMissing'), true);
      ctx.audio.play('reject');
      (ko ? textEn : textKo).focus();
      return;
    }
    const lines = choices.value
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .slice(0, CUSTOM_INJECT_CHOICES_MAX);
    const parsed: { id: string; text: { ko: string; en: string } }[] = [];
    for (const [i, line] of lines.entries()) {
      const [cKo, cEn] = line.split('|').map((s) => s.trim());
      if (!cKo || !cEn) {
        say(t('team.facilitator.choiceInvalid', { line: i + 1 }), true);
        ctx.audio.play('reject');
        choices.focus();
        return;
      }
      parsed.push({ id: `c${i + 1}`, text: { ko: cKo, en: cEn } });
    }
    const target = to.value as CustomInjectTarget;
    const outcome = session.command('inject.custom', {
      to: target,
      text: { ko, en },
      ...(parsed.length ? { choices: parsed } : {}),
    });
    if (!outcome.ok) {
      say(t('ops.refused', { reason: renderRejectionFor(ctx, outcome.rejection) }), true);
      return;
    }
    modal.close();
    const name = to.selectedOptions[0]?.textContent ?? target;
    ctx.overlay
      .querySelector('#announcer')
      ?.replaceChildren(t('team.facilitator.sent', { to: name }));
  });
}
