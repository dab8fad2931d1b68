// A refused command's reason in the player's language. Fetched with the first refusal (see
// refusalReport.ts): the rule texts are not needed to start playing.
import type { Rejection } from '../../../game';
import { renderRejection } from '../../../i18n/rejection';
import type { UiContext } from '../../context';
import { wording } from './disclosure';

/**
 * A refusal in the player's language, with flag and command ids put into words — by what the
 * player has seen until a diagnosis (`flags`: the player's knowledge flags now; disclosure.ts).
 * Without flags (the facilitator, who knows the scenario) the precise words.
 */
export function renderRejectionFor(
  ctx: UiContext,
  rejection: Rejection,
  flags?: Readonly<Partial<Record<string, number>>>,
): string {
  const { i18n } = ctx;
  const words = flags ? wording(flags) : {};
  const params = Object.fromEntries(
    Object.entries(rejection.params).map(([k, v]) => {
      const id = String(v);
      if (i18n.exists(`flags.${id}`)) return [k, i18n.t(`flags.${id}`, words)];
      if (k === 'command' && i18n.exists(`cmd.${id}`)) return [k, i18n.t(`cmd.${id}`, words)];
      return [k, v];
    }),
  );
  return renderRejection({ ...rejection, params }, i18n.language === 'ko' ? 'ko' : 'en');
}
