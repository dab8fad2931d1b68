import type { UiContext } from '../context';
import type { AssetFailure } from '../appFlow.machine';
import { clear, el } from '../dom';

/** The on-screen error for an asset that failed to load: names the file, says why, offers reload. */
export function showLoadError(ctx: UiContext, failure: AssetFailure): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  clear(ctx.overlay);
  const reload = el('button', { class: 'menu-button', type: 'button', text: t('loading.reload') });
  reload.addEventListener('click', () => window.location.reload());
  const panel = el(
    'section',
    { class: 'panel load-error', role: 'alert', 'data-testid': 'load-error' },
    el('h2', { text: t('loading.failed', { file: failure.file, reason: failure.reason }) }),
    el('p', {}, el('code', { text: failure.file })),
    el('p', { text: t('loading.failedHint') }),
    reload,
  );
  ctx.overlay.append(panel);
  reload.focus();
}
