// The layer rules of docs/ARCHITECTURE.md are enforced by ESLint; this proves the rules bite.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer rules (ESLint)', () => {
  it('should keep src/engine free of views, Node, the DOM, wall time and transcendental Math', async () => {
    const hits = await ruleHits(
      'src/engine/probe.ts',
      [
        "import { Scene } from 'phaser';",
        "import { readFileSync } from 'node:fs';",
        "import { t } from '../game/probe';",
        'export const a = [Scene, readFileSync, t, Math.random(), Math.exp(1), Date.now(), document.title];',
      ].join('\n'),
    );
    expect(hits.join('\n')).toMatch(/'phaser' import is restricted/);
    expect(hits.join('\n')).toMatch(/'node:fs' import is restricted/);
    expect(hits.join('\n')).toMatch(/'..\/game\/probe' import is restricted/);
    expect(hits.join('\n')).toMatch(/Math.random/);
    expect(hits.join('\n')).toMatch(/Math.exp/);
    expect(hits.join('\n')).toMatch(/'Date'/);
    expect(hits.join('\n')).toMatch(/'document'/);
  });

  it('should let src/game import the engine and libraries but no other project folder', async () => {
    const ok = await ruleHits(
      'src/game/probe.ts',
      "import { z } from 'zod';\nimport { setup } from 'xstate';\nimport { x } from '../engine/probe';\nexport const a = [z, setup, x];\n",
    );
    expect(ok).toEqual([]);
    const bad = await ruleHits(
      'src/game/probe.ts',
      "import { el } from '../ui/dom';\nimport { Howl } from 'howler';\nexport const a = [el, Howl, window.name];\n",
    );
    expect(bad.join('\n')).toMatch(/'..\/ui\/dom' import is restricted/);
    expect(bad.join('\n')).toMatch(/'howler' import is restricted/);
    expect(bad.join('\n')).toMatch(/'window'/);
  });

  it('should leave views free to use Phaser and the DOM', async () => {
    expect(
      await ruleHits(
        'src/ui/probe.ts',
        "import { Scene } from 'phaser';\nexport const a = [Scene, document.title];\n",
      ),
    ).toEqual([]);
  });
});
