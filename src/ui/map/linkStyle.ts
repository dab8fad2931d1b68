// How a link's load is drawn: colour from a colour-blind-safe (Okabe–Ito) scale AND a line pattern,
// so load reads without colour (solid → dashed → doubled heavy line).
export type LoadClass = 'idle' | 'normal' | 'busy' | 'saturated' | 'down';

export interface LinkStyle {
  cls: LoadClass;
  color: number;
  width: number;
  /** Dash pattern in pixels [on, off]; null for a solid line. */
  dash: [number, number] | null;
  /** Draw a second, parallel line (saturated). */
  double: boolean;
}

export function loadClass(utilPct: number, connected = true): LoadClass {
  if (!connected) return 'down';
  if (!Number.isFinite(utilPct) || utilPct < 5) return 'idle';
  if (utilPct < 60) return 'normal';
  if (utilPct < 90) return 'busy';
  return 'saturated';
}

export function linkStyle(utilPct: number, connected = true, capacityMbps = 1000): LinkStyle {
  const cls = loadClass(utilPct, connected);
  // Thicker lines for fatter pipes, within a readable range.
  const base = Math.max(1.5, Math.min(5, 1 + Math.log10(Math.max(1, capacityMbps))));
  switch (cls) {
    case 'down':
      return { cls, color: 0x7f8c99, width: 1.5, dash: [3, 5], double: false };
    case 'idle':
      return { cls, color: 0x4a6a8a, width: base, dash: null, double: false };
    case 'normal':
      return { cls, color: 0x56b4e9, width: base, dash: null, double: false };
    case 'busy':
      return { cls, color: 0xe69f00, width: base + 1, dash: [10, 5], double: false };
    case 'saturated':
      return { cls, color: 0xd55e00, width: base + 1.5, dash: null, double: true };
  }
}
