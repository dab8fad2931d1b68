// A refused command's reason in the player's language. Fetched with the first refusal (see
// refusalReport.ts): the rule texts are not needed to start playing.
import { renderRejection, type Rejection } from '../../../game';
import type { UiContext } from '../../context';

/** A refusal in the player's language, with flag and command ids put into words. */
export function renderRejectionFor(ctx: UiContext, rejection: Rejection): string {
  const { i18n } = ctx;
  const params = Object.fromEntries(
    Object.entries(rejection.params).map(([k, v]) => {
      const id = String(v);
      if (i18n.exists(`flags.${id}`)) return [k, i18n.t(`flags.${id}`)];
      if (k === 'command' && i18n.exists(`cmd.${id}`)) return [k, i18n.t(`cmd.${id}`)];
      return [k, v];
    }),
  );
  return renderRejection({ ...rejection, params }, i18n.language === 'ko' ? 'ko' : 'en');
}
