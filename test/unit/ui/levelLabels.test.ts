// Every device of every shipped level has a name in Korean and English (the map, lists and feed
// show them), and the Korean one is really Korean.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLevel } from '../../../src/game';

const files = readdirSync('levels').filter((f) => f.endsWith('.json'));

describe.each(files)('labels of %s', (file) => {
  it('should name every node, link, segment and cluster in ko and en', () => {
    const parsed = parseLevel(JSON.parse(readFileSync(`levels/${file}`, 'utf8')));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const { labels, engine } = parsed.level;
    expect(labels).toBeDefined();
    for (const kind of ['nodes', 'links', 'segments', 'clusters'] as const) {
      for (const d of engine.network[kind]) {
        const text = labels?.[kind]?.[d.id];
        expect(text, `${kind}.${d.id}`).toBeDefined();
        expect(text!.ko, `${kind}.${d.id}.ko`).toMatch(/[\uac00-\ud7a3]/);
        expect(text!.en.length).toBeGreaterThan(0);
      }
    }
  });

  it('should refuse a label for a device that does not exist, naming it', () => {
    const json = JSON.parse(readFileSync(`levels/${file}`, 'utf8'));
    json.labels.links['no-such-link'] = { ko: '없음', en: 'none' };
    const parsed = parseLevel(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join('\n')).toContain('labels.links.no-such-link');
  });
});
