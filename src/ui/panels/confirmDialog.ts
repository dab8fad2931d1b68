// An in-page confirmation (the browser's `confirm` blocks the game loop, cannot be styled or
// translated and is skipped by some browsers): a modal <dialog> that says what will happen, with
// the safe choice focused. Resolves true only when the player confirms.
import { el } from '../dom';
import { openModal } from './modal';

export interface ConfirmText {
  heading: string;
  body: string;
  confirm: string;
  cancel: string;
}

export function confirmDialog(parent: HTMLElement, text: ConfirmText): Promise<boolean> {
  const yes = el('button', {
    type: 'button',
    class: 'menu-button primary',
    'data-testid': 'confirm-yes',
    text: text.confirm,
  });
  const no = el('button', {
    type: 'button',
    class: 'menu-button',
    'data-testid': 'confirm-no',
    text: text.cancel,
  });
  const dialog = el(
    'dialog',
    {
      class: 'panel confirm',
      'aria-labelledby': 'confirm-heading',
      'aria-describedby': 'confirm-body',
      'data-testid': 'confirm',
    },
    el('h2', { id: 'confirm-heading', text: text.heading }),
    el('p', { id: 'confirm-body', text: text.body }),
    el('div', { class: 'button-row' }, yes, no),
  );
  return new Promise((resolve) => {
    // Escape answers no: the safe choice, as the focused button is.
    let answer = false;
    const modal = openModal(parent, dialog, { focus: no, onClose: () => resolve(answer) });
    yes.addEventListener('click', () => {
      answer = true;
      modal.close();
    });
    no.addEventListener('click', modal.close);
  });
}
