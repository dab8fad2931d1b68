// A modal panel over the current screen: heading, body, a Close button; Escape or Close removes
// it and returns focus to where it was (like the keyboard help).
import type { UiContext } from '../../context';
import { el } from '../../dom';

export function showDialog(
  ctx: UiContext,
  opts: {
    className: string;
    testId: string;
    heading: string;
    closeLabel: string;
    body: (Node | null)[];
    onClose?: () => void;
  },
): { dialog: HTMLDialogElement; close: () => void } {
  const previous = document.activeElement as HTMLElement | null;
  const id = `${opts.testId}-heading`;
  const closeButton = el('button', { type: 'button', class: 'run', text: opts.closeLabel });
  const dialog = el(
    'dialog',
    { class: opts.className, 'aria-labelledby': id, 'data-testid': opts.testId },
    el('h2', { id, text: opts.heading }),
    ...opts.body,
    el('div', { class: 'button-row' }, closeButton),
  );
  const close = () => {
    if (!dialog.isConnected) return;
    dialog.close();
    dialog.remove();
    opts.onClose?.();
    previous?.focus();
  };
  closeButton.addEventListener('click', close);
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  ctx.overlay.append(dialog);
  dialog.showModal();
  closeButton.focus({ preventScroll: true });
  return { dialog, close };
}
