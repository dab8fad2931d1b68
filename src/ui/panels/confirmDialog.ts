// An in-page confirmation (the browser's `confirm` blocks the game loop, cannot be styled or
// translated and is skipped by some browsers): a modal <dialog> that says what will happen, with
// the safe choice focused. Resolves true only when the player confirms.
import { el } from '../dom';

export interface ConfirmText {
  heading: string;
  body: string;
  confirm: string;
  cancel: string;
}

export function confirmDialog(parent: HTMLElement, text: ConfirmText): Promise<boolean> {
  const previous = document.activeElement as HTMLElement | null;
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
    const done = (answer: boolean) => {
      dialog.close();
      dialog.remove();
      previous?.focus();
      resolve(answer);
    };
    yes.addEventListener('click', () => done(true));
    no.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', (e) => {
      e.preventDefault();
      done(false);
    });
    parent.append(dialog);
    dialog.showModal();
    no.focus();
  });
}
