// The keyboard help (?): a modal dialog listing every shortcut; Escape or Close returns focus.
import type { UiContext } from '../../context';
import { el } from '../../dom';

export function openHelp(ctx: UiContext): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const previous = document.activeElement as HTMLElement | null;
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
  const done = () => {
    dialog.close();
    dialog.remove();
    previous?.focus();
  };
  close.addEventListener('click', done);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    done();
  });
  ctx.overlay.append(dialog);
  dialog.showModal();
  close.focus();
}
