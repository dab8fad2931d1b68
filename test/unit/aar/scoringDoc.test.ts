// docs/SCORING.md and the in-game "how the score works" panel say the same: the doc's parts table
// lists every part, and its weights table lists each level's weight and 0-point limit per part,
// which are what the panel is generated from (src/aar/scoreWords.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SCORE_PARTS, parseLevel } from '../../../src/game/levelSchema';
import { PART_DEFINITIONS, howItWorksRows } from '../../../src/aar/scoreWords';

const doc = readFileSync(
  fileURLToPath(new URL('../../../docs/SCORING.md', import.meta.url)),
  'utf8',
);
const dir = fileURLToPath(new URL('../../../levels/', import.meta.url));
const levels = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseLevel(JSON.parse(readFileSync(dir + f, 'utf8')));
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.level;
  });

/** The rows of the markdown table that follows `heading`. */
function tableAfter(heading: string): string[][] {
  const start = doc.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const lines = doc.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('|'));
  const rows: string[][] = [];
  for (const l of lines.slice(first)) {
    if (!l.startsWith('|')) break;
    rows.push(
      l
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}

describe('docs/SCORING.md and the how-the-score-works panel', () => {
  it('should define every part in the doc and in the panel', () => {
    const docParts = tableAfter('## The parts')
      .slice(2)
      .map((r) => r[0]!.replace(/`/g, ''));
    expect(docParts.sort()).toEqual([...SCORE_PARTS].sort());
    expect(Object.keys(PART_DEFINITIONS).sort()).toEqual([...SCORE_PARTS].sort());
  });

  it("should list each level's weight and limit per part as the panel shows them", () => {
    const rows = tableAfter('## Weights and limits per level');
    const header = rows[0]!.slice(1);
    expect(header.sort()).toEqual(levels.map((l) => l.meta.id).sort());
    for (const level of levels) {
      const col = rows[0]!.indexOf(level.meta.id);
      const panel = howItWorksRows(level, 'en');
      for (const part of SCORE_PARTS) {
        const row = rows.find((r) => r[0] === `\`${part}\``);
        expect(row, `${part} in the weights table`).toBeDefined();
        const m = /^([\d.]+) \(0 at ([\d.]+)\)$/.exec(row![col]!);
        expect(m, `${level.meta.id} ${part}: "${row![col]}"`).not.toBeNull();
        expect(Number(m![1]), `${level.meta.id} ${part} weight`).toBe(level.scoring.weights[part]);
        expect(Number(m![2]), `${level.meta.id} ${part} zeroAt`).toBe(level.scoring.zeroAt[part]);
        expect(panel.find((p) => p.part === part)!.weight).toBe(level.scoring.weights[part]);
      }
    }
  });
});
