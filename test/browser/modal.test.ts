// Vitest browser mode: the one modal kit every dialog uses — Escape (a real key press) and Close
// both close it, the dialog leaves the page, focus goes back, and the close hook runs once; the
// confirmation built on it answers "no" to Escape and "yes" only to its confirm button.
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { openModal } from '../../src/ui/panels/modal';
import { confirmDialog } from '../../src/ui/panels/confirmDialog';

function page(): { opener: HTMLButtonElement; parent: HTMLElement } {
  document.body.innerHTML = '<button id="opener">open</button><div id="overlay"></div>';
  const opener = document.getElementById('opener') as HTMLButtonElement;
  opener.focus();
  return { opener, parent: document.getElementById('overlay')! };
}

describe('modal dialogs', () => {
  it('should close on Escape, remove the dialog, return focus and call onClose once', async () => {
    const { opener, parent } = page();
    const dialog = document.createElement('dialog');
    const inside = document.createElement('button');
    dialog.append(inside);
    let closed = 0;
    const modal = openModal(parent, dialog, { focus: inside, onClose: () => closed++ });
    expect(dialog.open).toBe(true);
    expect(document.activeElement).toBe(inside);
    await userEvent.keyboard('{Escape}');
    expect(dialog.isConnected).toBe(false);
    expect(document.activeElement).toBe(opener);
    modal.close();
    expect(closed).toBe(1);
  });

  it('should answer no to Escape and yes to the confirm button', async () => {
    const { parent } = page();
    const text = {
      heading: 'Start over?',
      body: 'The saved run is lost.',
      confirm: 'Yes',
      cancel: 'No',
    };
    const first = confirmDialog(parent, text);
    expect((document.activeElement as HTMLElement).dataset.testid).toBe('confirm-no');
    await userEvent.keyboard('{Escape}');
    await expect(first).resolves.toBe(false);
    const second = confirmDialog(parent, text);
    (parent.querySelector('[data-testid="confirm-yes"]') as HTMLButtonElement).click();
    await expect(second).resolves.toBe(true);
    expect(parent.querySelector('dialog')).toBeNull();
  });
});
