import { describe, expect, it } from 'vitest';
import { createSettingsStore, parseSettings, SETTINGS_KEY } from '../../../src/ui/settings';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    data,
  };
}

describe('settings', () => {
  it('should return defaults for missing, corrupt or foreign data', () => {
    for (const raw of [null, '', '{', 'null', '42', '"x"', '[]']) {
      expect(parseSettings(raw)).toEqual({
        volume: 0.7,
        muted: false,
        reducedMotion: false,
        textScale: 1,
        pauseOnSituation: true,
        pauseOnSituationTeam: false,
      });
    }
    expect(parseSettings(null, true).reducedMotion).toBe(true);
  });

  it('should keep valid fields and replace only invalid ones', () => {
    const s = parseSettings(
      JSON.stringify({ language: 'tlh', volume: 3, muted: true, reducedMotion: 'yes' }),
    );
    expect(s).toEqual({
      language: undefined,
      volume: 0.7,
      muted: true,
      reducedMotion: false,
      textScale: 1,
      pauseOnSituation: true,
      pauseOnSituationTeam: false,
    });
    expect(parseSettings(JSON.stringify({ language: 'ko', volume: 0.2 })).language).toBe('ko');
    // The pause-on-situation options are kept when stored, defaulted when not booleans.
    expect(
      parseSettings(JSON.stringify({ pauseOnSituation: false, pauseOnSituationTeam: true })),
    ).toMatchObject({ pauseOnSituation: false, pauseOnSituationTeam: true });
    expect(parseSettings(JSON.stringify({ pauseOnSituation: 'no' })).pauseOnSituation).toBe(true);
  });

  it('should persist updates and notify subscribers', () => {
    const storage = memoryStorage();
    const store = createSettingsStore(storage);
    const seen: number[] = [];
    store.subscribe((s) => seen.push(s.volume));
    store.update({ volume: 0.25, language: 'ko' });
    expect(JSON.parse(storage.data.get(SETTINGS_KEY) ?? '{}')).toMatchObject({
      volume: 0.25,
      language: 'ko',
    });
    expect(seen).toEqual([0.25]);
    expect(createSettingsStore(storage).get().language).toBe('ko');
  });

  it('should reject an invalid update with a clear error and keep the old value', () => {
    const store = createSettingsStore(memoryStorage());
    expect(() => store.update({ volume: 2 })).toThrow(/volume/);
    expect(store.get().volume).toBe(0.7);
  });

  it('should keep working when storage refuses writes', () => {
    const store = createSettingsStore({
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    });
    expect(store.update({ muted: true }).muted).toBe(true);
  });
});
