// Vitest browser mode (real Chromium): the sound wrapper plays a real WAV and logs the cue, through
// an audio element before Howler is fetched and through Howler after.
import { describe, expect, it } from 'vitest';
import { AudioCues } from '../../src/audio/audio';

/** A 50 ms 440 Hz tone as a WAV object URL. */
function toneUrl(): string {
  const rate = 8000;
  const n = rate / 20;
  const buf = new ArrayBuffer(44 + n * 2);
  const v = new DataView(buf);
  const w = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  w(0, 'RIFF');
  v.setUint32(4, 36 + n * 2, true);
  w(8, 'WAVE');
  w(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, rate, true);
  v.setUint32(28, rate * 2, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  w(36, 'data');
  v.setUint32(40, n * 2, true);
  for (let i = 0; i < n; i++)
    v.setInt16(44 + i * 2, Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), true);
  return URL.createObjectURL(new Blob([buf], { type: 'audio/wav' }));
}

describe('AudioCues (Howler wrapper)', () => {
  it('should log a cue and report when Howler actually started it', async () => {
    const audio = new AudioCues();
    audio.register('click', toneUrl());
    await audio.ready();
    expect(audio.engineLoaded).toBe(true);
    const entry = audio.play('click');
    expect(audio.log).toHaveLength(1);
    expect(entry).toMatchObject({ cue: 'click', muted: false });
    await expect.poll(() => entry.started, { timeout: 5000 }).toBe(true);
  });

  it('should log but not start a cue while muted, and clamp volume', () => {
    const audio = new AudioCues();
    audio.register('confirm', toneUrl());
    audio.setMuted(true);
    audio.setVolume(4);
    const entry = audio.play('confirm');
    expect(entry).toMatchObject({ cue: 'confirm', muted: true, volume: 1, started: false });
    audio.setMuted(false);
  });

  it('should log a cue whose sound is not registered without throwing', () => {
    const audio = new AudioCues();
    expect(() => audio.play('click')).not.toThrow();
    expect(audio.log.map((e) => e.cue)).toEqual(['click']);
  });

  it('should play a one-shot before Howler is fetched, and not fetch Howler for it', async () => {
    let fetched = 0;
    const audio = new AudioCues(() => {
      fetched++;
      return import('howler');
    }, 10);
    audio.register('click', toneUrl());
    const entry = audio.play('click');
    await expect.poll(() => entry.started, { timeout: 5000 }).toBe(true);
    expect(audio.engineLoaded).toBe(false);
    expect(fetched).toBe(0);
  });

  it('should fetch Howler shortly after the first loop is asked for and then start that loop', async () => {
    let fetched = 0;
    const audio = new AudioCues(() => {
      fetched++;
      return import('howler');
    }, 10);
    audio.register('hum', toneUrl());
    audio.setLoop('hum', true, 0.5);
    audio.setLoop('hum', true, 0.6); // asked for every frame: logged once
    expect(audio.isLooping('hum')).toBe(true);
    expect(audio.log.map((e) => [e.cue, e.action])).toEqual([['hum', 'start']]);
    await expect.poll(() => audio.engineLoaded, { timeout: 5000 }).toBe(true);
    expect(fetched).toBe(1);
    await expect.poll(() => audio.log[0].started, { timeout: 5000 }).toBe(true);
    audio.stopLoops();
    expect(audio.isLooping('hum')).toBe(false);
    expect(audio.log.at(-1)).toMatchObject({ cue: 'hum', action: 'stop' });
  });

  it('should forget a loop stopped before Howler arrived', async () => {
    const audio = new AudioCues(() => import('howler'), 10);
    audio.register('alarm', toneUrl());
    audio.setLoop('alarm', true);
    audio.setLoop('alarm', false);
    await audio.ready();
    expect(audio.isLooping('alarm')).toBe(false);
    expect(audio.log.map((e) => e.action)).toEqual(['start', 'stop']);
  });
});
