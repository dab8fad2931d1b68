// The set-up every HTML-overlay screen shares: redraw when the language changes, Escape to go
// back (unless a dialog is open, which takes Escape for itself), and on shutdown undo both and
// clear the overlay. One place, so a screen cannot forget half of it.
import type { Scene } from 'phaser';
import type { UiContext } from '../context';
import { clear } from '../dom';

export interface HtmlScreenOptions {
  /** Draws the screen again (after a language change). */
  render: () => void;
  /** What Escape does; leave out for a screen without a way back. */
  onEscape?: () => void;
  /** Extra clean-up when the screen closes, run before the overlay is cleared. */
  onShutdown?: () => void;
}

export function mountHtmlScreen(scene: Scene, ctx: UiContext, opts: HtmlScreenOptions): void {
  const onLanguage = () => opts.render();
  ctx.i18n.on('languageChanged', onLanguage);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !opts.onEscape || document.querySelector('dialog[open]')) return;
    opts.onEscape();
  };
  document.addEventListener('keydown', onKey);
  scene.events.once('shutdown', () => {
    document.removeEventListener('keydown', onKey);
    ctx.i18n.off('languageChanged', onLanguage);
    opts.onShutdown?.();
    clear(ctx.overlay);
  });
}
