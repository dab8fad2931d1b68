// Every modal <dialog> in the game opens and closes the same way: shown modal over the overlay,
// Escape (the dialog's `cancel`) closes it like its Close button, and closing removes it and
// gives focus back to where it was. One function, so no dialog forgets the focus or the Escape.
export interface Modal {
  /** Closes and removes the dialog, returns focus; safe to call twice. */
  close(): void;
}

export function openModal(
  parent: HTMLElement,
  dialog: HTMLDialogElement,
  opts: { focus?: HTMLElement; onClose?: () => void } = {},
): Modal {
  const previous = document.activeElement as HTMLElement | null;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    dialog.close();
    dialog.remove();
    previous?.focus();
    opts.onClose?.();
  };
  dialog.addEventListener('cancel', (e) => {
    e.preventDefault();
    close();
  });
  parent.append(dialog);
  dialog.showModal();
  // A long dialog opens at its top: focusing its button must not scroll it.
  opts.focus?.focus({ preventScroll: true });
  return { close };
}
