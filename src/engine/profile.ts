// Saturday legit-traffic profile: 24 hourly factors in KST, linearly interpolated, repeating each day.
const EPOCH_HOUR_KST = 14;

export function legitFactor(profile: readonly number[], tMs: number): number {
  const hours = EPOCH_HOUR_KST + tMs / 3_600_000;
  const day = Math.floor(hours / 24);
  const h = hours - day * 24;
  const i = Math.floor(h);
  const f = h - i;
  const a = profile[i % 24]!;
  const b = profile[(i + 1) % 24]!;
  return a + (b - a) * f;
}
