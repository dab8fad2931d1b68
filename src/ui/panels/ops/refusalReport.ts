// Reporting a refused command from the Ops panels. The wording module (refusal.ts, with the game's
// rejection texts) is fetched on the first refusal rather than with the first download; once it is
// loaded, later refusals resolve in order on the next microtask.
import type { Rejection } from '../../../game';
import type { UiContext } from '../../context';

export function reportRefusal(
  ctx: UiContext,
  rejection: Rejection,
  report: (ok: boolean, text: string) => void,
): void {
  const t = ctx.i18n.t.bind(ctx.i18n);
  import('./refusal')
    .then(({ renderRejectionFor }) =>
      report(
        false,
        t('ops.refused', {
          reason: renderRejectionFor(ctx, rejection, ctx.session?.run.state.flags),
        }),
      ),
    )
    // Offline with the module missing from the cache: the refusal is still reported, by its code.
    .catch(() => report(false, t('ops.refused', { reason: rejection.code })));
}
