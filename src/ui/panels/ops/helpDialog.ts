// The keyboard help (?): a modal dialog listing every shortcut; Escape or Close returns focus.
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { openModal } from '../modal';

export function openHelp(ctx: UiContext): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const close = el('button', { type: 'button', class: 'run', text: t('shortcuts.close') });
  const dialog = el(
    'dialog',
    { class: 'panel help', 'aria-labelledby': 'help-heading', 'data-testid': 'help' },
    el('h2', { id: 'help-heading', text: t('shortcuts.heading') }),
    el(
      'ul',
      {},
      ...(
        ['pause', 'speed', 'skip', 'devices', 'monitor', 'inbox', 'tasks', 'score', 'help'] as const
      ).map((k) => el('li', { text: t(`shortcuts.${k}`) })),
    ),
    close,
  );
  const modal = openModal(ctx.overlay, dialog, { focus: close });
  close.addEventListener('click', modal.close);
}
