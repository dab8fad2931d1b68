// Generates the UI sound cues into assets/audio/ as 16-bit PCM WAV. Deterministic (a fixed-seed
// noise source), so re-running it reproduces the committed files byte for byte.
//   npx tsx scripts/make-sounds.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const RATE = 22050;

function wav(samples: Float32Array): Buffer {
  const data = Buffer.alloc(samples.length * 2);
  samples.forEach((s, i) =>
    data.writeInt16LE(Math.round(Math.max(-1, Math.min(1, s)) * 32767), i * 2),
  );
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

function noise(seed: number) {
  let x = seed >>> 0;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) / 0xffffffff) * 2 - 1;
  };
}

/** A keyboard-like click: a short band-limited noise burst over a damped 2.4 kHz ping. */
function click(): Float32Array {
  const n = Math.round(RATE * 0.045);
  const out = new Float32Array(n);
  const rnd = noise(125);
  let lp = 0;
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    const env = Math.exp(-t * 140);
    lp += 0.35 * (rnd() - lp);
    out[i] =
      0.55 * env * (rnd() - lp) + 0.35 * Math.exp(-t * 90) * Math.sin(2 * Math.PI * 2400 * t);
  }
  return out;
}

/** A two-note confirmation chime (E5 then B5) with soft attack and exponential decay. */
function confirm(): Float32Array {
  const n = Math.round(RATE * 0.32);
  const out = new Float32Array(n);
  const notes = [
    { f: 659.25, start: 0 },
    { f: 987.77, start: 0.09 },
  ];
  for (let i = 0; i < n; i++) {
    const t = i / RATE;
    let s = 0;
    for (const { f, start } of notes) {
      if (t < start) continue;
      const u = t - start;
      const env = Math.min(1, u / 0.006) * Math.exp(-u * 14);
      s += env * (Math.sin(2 * Math.PI * f * u) + 0.25 * Math.sin(2 * Math.PI * 2 * f * u));
    }
    out[i] = 0.4 * s;
  }
  return out;
}

const dir = join(import.meta.dirname, '..', 'assets', 'audio');
mkdirSync(dir, { recursive: true });
const cues: Record<string, Float32Array> = { click: click(), confirm: confirm() };
for (const [name, samples] of Object.entries(cues)) {
  const file = join(dir, `${name}.wav`);
  writeFileSync(file, wav(samples));
  console.log(`wrote ${file} (${samples.length} samples)`);
}
