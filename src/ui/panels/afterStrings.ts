// A panel whose strings come in a feature namespace loaded on use: it is built once the strings
// are in, and unmounting before then means it is never built.
import { useFeatureStrings, type StringFeature } from '../../i18n';
import type { UiContext } from '../context';

/** Builds with `build` after the `feature` strings load; returns the clean-up (safe before). */
export function mountAfterStrings(
  ctx: UiContext,
  feature: StringFeature,
  build: () => () => void,
): () => void {
  let disposed = false;
  let cleanup = () => {};
  void useFeatureStrings(ctx.i18n, feature).then(() => {
    if (!disposed) cleanup = build();
  });
  return () => {
    disposed = true;
    cleanup();
  };
}
