// Player settings, persisted in localStorage. A corrupt or foreign stored value never breaks the
// game: each field is validated on its own and falls back to its default.
import { z } from '../engine/zod';
import { LANGUAGES } from '../i18n/language';

export const SETTINGS_KEY = 'one-twenty-five.settings.v1';

export const settingsSchema = z.object({
  language: z.optional(z.enum(LANGUAGES)),
  volume: z.number().check(z.minimum(0), z.maximum(1)),
  muted: z.boolean(),
  reducedMotion: z.boolean(),
  /** Text size for the HTML panels and map labels (1 = 100 %). */
  textScale: z.union([z.literal(1), z.literal(1.25), z.literal(1.5)]),
  /** Solo (and the tutorial): pause the clock when a situation with choices arrives. */
  pauseOnSituation: z.boolean(),
  /** The same for a team session's facilitator, who runs the class's clock (off by default). */
  pauseOnSituationTeam: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings = (prefersReducedMotion = false): Settings => ({
  volume: 0.7,
  muted: false,
  reducedMotion: prefersReducedMotion,
  textScale: 1,
  pauseOnSituation: true,
  pauseOnSituationTeam: false,
});

/** Parses whatever was stored; returns defaults for anything missing or invalid. */
export function parseSettings(raw: string | null, prefersReducedMotion = false): Settings {
  const defaults = defaultSettings(prefersReducedMotion);
  if (!raw) return defaults;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return defaults;
  }
  if (typeof data !== 'object' || data === null) return defaults;
  const stored = data as Record<string, unknown>;
  const result: Settings = { ...defaults };
  // Field by field, so one bad value does not throw away the others.
  for (const key of Object.keys(settingsSchema.shape) as (keyof Settings)[]) {
    const field = settingsSchema.shape[key].safeParse(stored[key]);
    if (field.success && field.data !== undefined) Object.assign(result, { [key]: field.data });
  }
  return result;
}

export const TEXT_SCALES = [1, 1.25, 1.5] as const;

/** Applies the text size to the page: the panels are sized in rem. */
export function applyTextScale(root: { style: { fontSize: string } }, scale: number): void {
  root.style.fontSize = `${Math.round(16 * scale)}px`;
}

export interface SettingsStore {
  get(): Settings;
  update(patch: Partial<Settings>): Settings;
  subscribe(listener: (s: Settings) => void): () => void;
}

/** A small observable store over a Storage (localStorage in the browser). */
export function createSettingsStore(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  prefersReducedMotion = false,
): SettingsStore {
  let current = parseSettings(storage.getItem(SETTINGS_KEY), prefersReducedMotion);
  const listeners = new Set<(s: Settings) => void>();
  return {
    get: () => current,
    update(patch) {
      current = settingsSchema.parse({ ...current, ...patch });
      try {
        storage.setItem(SETTINGS_KEY, JSON.stringify(current));
      } catch {
        // Storage full or blocked (private mode): keep the in-memory value; the game still works.
      }
      listeners.forEach((l) => l(current));
      return current;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
