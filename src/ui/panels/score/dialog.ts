// A modal panel over the current screen: heading, body, a Close button; Escape or Close removes
// it and returns focus to where it was (the modal kit, like every dialog).
import type { UiContext } from '../../context';
import { el } from '../../dom';
import { openModal } from '../modal';

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
  const id = `${opts.testId}-heading`;
  const closeButton = el('button', { type: 'button', class: 'run', text: opts.closeLabel });
  const dialog = el(
    'dialog',
    { class: opts.className, 'aria-labelledby': id, 'data-testid': opts.testId },
    el('h2', { id, text: opts.heading }),
    ...opts.body,
    el('div', { class: 'button-row' }, closeButton),
  );
  const { close } = openModal(ctx.overlay, dialog, { focus: closeButton, onClose: opts.onClose });
  closeButton.addEventListener('click', close);
  return { dialog, close };
}
