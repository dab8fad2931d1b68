// Generates every sound cue into assets/audio/ as 16-bit PCM WAV (written with `wavefile`).
// Short effects come from ZzFX's synthesiser (randomness 0, so output is reproducible); the
// telephone, the alarm and the NOC ambience are built here from their physical recipe:
//  - phone: a 2003 Korean office phone's electronic ringer, two tones alternating at ~16 Hz, in the
//    Korean ring cadence of 1 s on / 2 s off (the file holds one cadence; the cue loops it);
//  - alarm: a NOC facility alarm, a square-ish two-tone 'hi-lo' at 960/770 Hz, 0.25 s each;
//  - hum: server-room ambience, fans (filtered noise) over 60 Hz mains hum and its harmonics, a
//    seamless 4 s loop.
//   npx tsx scripts/make-sounds.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import wavefile from 'wavefile';

const RATE = 22050;

// ZzFX creates an AudioContext when imported; the generator only needs buildSamples, so give it a
// stand-in before the import (nothing is played here).
(globalThis as Record<string, unknown>).AudioContext ??= class {};
const { ZZFX } = await import('zzfx');
ZZFX.volume = 1;
ZZFX.sampleRate = RATE;

/** ZzFX parameters, in its order: volume, randomness (always 0 here), frequency, attack, sustain, release, shape, shapeCurve, slide, deltaSlide, pitchJump, pitchJumpTime, repeatTime, noise, modulation, bitCrush, delay, sustainVolume, decay, tremolo, filter. */
const zz = (...p: number[]) => Float32Array.from(ZZFX.buildSamples(...p));

/** `times` copies of a sound separated by `gapS` seconds of silence. */
function repeat(sound: Float32Array, times: number, gapS: number): Float32Array {
  const gap = Math.round(gapS * RATE);
  const out = new Float32Array(times * sound.length + (times - 1) * gap);
  for (let k = 0; k < times; k++) out.set(sound, k * (sound.length + gap));
  return out;
}

function xorshift(seed: number) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 0xffffffff) * 2 - 1;
  };
}

function phoneRing(): Float32Array {
  const total = 3 * RATE;
  const out = new Float32Array(total);
  const on = 1 * RATE;
  for (let i = 0; i < on; i++) {
    const t = i / RATE;
    const high = Math.floor(t * 16) % 2 === 0; // the electronic ringer warbles at 16 Hz
    const f = high ? 1300 : 1000;
    const env = Math.min(1, t / 0.01) * Math.min(1, (1 - t) / 0.02);
    const wave = Math.sin(2 * Math.PI * f * t) + 0.35 * Math.sin(2 * Math.PI * 2 * f * t);
    out[i] = 0.42 * env * wave;
  }
  return out;
}

function alarm(): Float32Array {
  const n = Math.round(2 * RATE);
  const out = new Float32Array(n);
  let phase = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const f = Math.floor(t / 0.25) % 2 === 0 ? 960 : 770;
    phase += (2 * Math.PI * f) / RATE;
    // A soft-clipped sine (odd harmonics) reads as a real siren speaker rather than a pure beep.
    const s = Math.tanh(3 * Math.sin(phase)) * 0.8 + 0.2 * Math.sin(3 * phase);
    const edge = Math.min(1, t / 0.01, (2 - t) / 0.01);
    out[i] = 0.38 * s * edge;
  }
  return out;
}

function nocHum(): Float32Array {
  const n = 4 * RATE;
  const out = new Float32Array(n);
  const rnd = xorshift(2003);
  let lp1 = 0;
  let lp2 = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    lp1 += 0.02 * (rnd() - lp1);
    lp2 += 0.2 * (lp1 - lp2);
    // 60 Hz mains (Korea) with harmonics; every partial completes whole cycles in 4 s, so it loops.
    const mains =
      0.5 * Math.sin(2 * Math.PI * 60 * t) +
      0.3 * Math.sin(2 * Math.PI * 120 * t) +
      0.12 * Math.sin(2 * Math.PI * 180 * t);
    const fans = 1.6 * lp2 * (1 + 0.1 * Math.sin(2 * Math.PI * 0.5 * t));
    out[i] = 0.25 * (0.5 * mains + fans);
  }
  // Cross-fade the noise at the seam so the loop has no click.
  const fade = Math.round(0.05 * RATE);
  for (let i = 0; i < fade; i++) {
    const w = i / fade;
    out[i] = out[i] * w + out[n - fade + i] * (1 - w);
  }
  return out.subarray(0, n - fade);
}

const cues: Record<string, Float32Array> = {
  // Keyboard click: a very short noisy tick.
  click: zz(0.5, 0, 1800, 0, 0.004, 0.02, 4, 1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 3000),
  // Confirmation: two rising sine notes.
  confirm: zz(0.5, 0, 660, 0.005, 0.05, 0.18, 0, 1, 0, 0, 330, 0.07),
  // Refusal: a low, short buzz.
  reject: zz(0.45, 0, 150, 0.005, 0.08, 0.12, 2, 1, -2, 0, 0, 0, 0, 0.3),
  // Pager: three short square beeps at 2.9 kHz.
  pager: repeat(zz(0.3, 0, 2900, 0.002, 0.07, 0.01, 5, 0.5), 3, 0.06),
  // Incoming message notification: a soft two-note chime.
  message: zz(0.4, 0, 880, 0.01, 0.06, 0.25, 0, 1, 0, 0, 440, 0.08),
  phone: phoneRing(),
  alarm: alarm(),
  hum: nocHum(),
};

const dir = join(import.meta.dirname, '..', 'assets', 'audio');
mkdirSync(dir, { recursive: true });
for (const [name, samples] of Object.entries(cues)) {
  const pcm = Int16Array.from(samples, (s) => Math.round(Math.max(-1, Math.min(1, s)) * 32767));
  const wav = new wavefile.WaveFile();
  wav.fromScratch(1, RATE, '16', pcm);
  const file = join(dir, `${name}.wav`);
  writeFileSync(file, wav.toBuffer());
  console.log(`wrote ${file} (${(samples.length / RATE).toFixed(2)} s)`);
}
