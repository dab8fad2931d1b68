// Re-renders a list only when what it shows has changed, and keeps keyboard focus on the same item
// (by data-key) across re-renders, so 4 Hz updates never steal the player's place.
import { clear } from '../../dom';

export class KeyedList {
  private signature = '';

  constructor(readonly root: HTMLElement) {}

  update(signature: string, build: () => HTMLElement[]): void {
    if (signature === this.signature) return;
    this.signature = signature;
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && this.root.contains(active) ? active.dataset.key : undefined;
    clear(this.root);
    this.root.append(...build());
    if (focusKey)
      this.root.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  invalidate(): void {
    this.signature = '';
  }
}
