// The Situation Manual generator (npm run sitman) on every level: each module, role and discussion
// question appears, in Korean and in English; bad levels, languages and paths get clear errors.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parseLevel, type Level } from '../../../src/game';
import { renderSituationManual, SITMAN_ROLES } from '../../../src/aar/situationManual';
import { MODULE_TEXT } from '../../../src/aar/exerciseRecords';
import { escapeHtml } from '../../../src/aar/escape';
import { sitmanMain } from '../../../src/cli/sitman';

const LEVELS = ['tutorial', 'backbone-isp', 'broadband-isp', 'idc-enterprise'] as const;
const ROLE_NAMES = {
  ko: ['진행자', '사고 대응 책임자', '네트워크 (NOC)', '보안', '시스템 / DNS', '대외 커뮤니케이션'],
  en: [
    'Facilitator',
    'Incident commander',
    'Network (NOC)',
    'Security',
    'Systems / DNS',
    'Communications',
  ],
};
const levelPath = (id: string) => new URL(`../../../levels/${id}.json`, import.meta.url).pathname;

function load(id: string): Level {
  const r = parseLevel(JSON.parse(readFileSync(levelPath(id), 'utf8')));
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.level;
}

const out = mkdtempSync(join(tmpdir(), 'sitman-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

function capture(fn: () => number) {
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const err = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return { code: fn(), stderr: err.mock.calls.map((c) => c.join(' ')).join('\n') };
  } finally {
    log.mockRestore();
    err.mockRestore();
  }
}

describe('renderSituationManual', () => {
  for (const id of LEVELS)
    for (const lang of ['ko', 'en'] as const)
      it(`${id} (${lang}): every module, role and discussion question is in it`, () => {
        const level = load(id);
        const html = renderSituationManual(level, lang);
        expect(html).toContain(`<html lang="${lang}">`);
        expect(html).toContain(escapeHtml(level.meta.title[lang]));
        for (const section of [
          'purpose',
          'objectives',
          'scenario',
          'roles',
          'questions',
          'logistics',
        ])
          expect(html).toContain(`data-section="${section}"`);
        for (const m of ['detection', 'response', 'recovery'] as const) {
          expect(html).toContain(`data-module="${m}"`);
          expect(html).toContain(escapeHtml(MODULE_TEXT[m][lang]));
        }
        for (const r of SITMAN_ROLES) expect(html).toContain(`data-role="${r}"`);
        for (const name of ROLE_NAMES[lang]) expect(html).toContain(escapeHtml(name));
        expect(level.discussion.length).toBeGreaterThan(0);
        level.discussion.forEach((d, i) => {
          expect(html).toContain(`data-question="${i}"`);
          expect(html).toContain(escapeHtml(d.question[lang]));
        });
        // Every inject the team will receive is listed under a module.
        for (const j of level.injects) expect(html).toContain(escapeHtml(j.subject[lang]));
        // The 90-minute plan adds up.
        expect(html).toMatch(/<tr class="total"><td class="num">90<\/td>/);
        // The other language's words are not mixed in.
        expect(html).not.toContain(escapeHtml(level.meta.title[lang === 'ko' ? 'en' : 'ko']));
      });

  it('escapes level text', () => {
    const level = load('tutorial');
    const evil = {
      ...level,
      discussion: [
        {
          ...level.discussion[0]!,
          question: { ko: '<script>x</script>', en: '<img src=x onerror=1>' },
        },
      ],
    };
    const html = renderSituationManual(evil, 'en');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=1&gt;');
  });

  it('refuses a language it does not have', () => {
    expect(() => renderSituationManual(load('tutorial'), 'fr' as never)).toThrow(
      /lang: must be ko or en/,
    );
  });
});

describe('npm run sitman', () => {
  it('writes the page', () => {
    const file = join(out, 'sitman.html');
    const r = capture(() =>
      sitmanMain(['--level', levelPath('backbone-isp'), '--lang', 'ko', '--out', file]),
    );
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('상황 매뉴얼');
  });

  it('exits 2 naming the argument at fault', () => {
    const r = capture(() =>
      sitmanMain(['--level', levelPath('tutorial'), '--lang', 'fr', '--out', join(out, 'a.html')]),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must be ko or en, got "fr"');
    const missing = capture(() => sitmanMain(['--lang', 'en']));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--level <file> is required');
    expect(missing.stderr).toContain('--out <file.html> is required');
  });

  it('exits 1 for a level it cannot use or a path it cannot write', () => {
    const nowhere = capture(() =>
      sitmanMain(['--level', join(out, 'none.json'), '--lang', 'en', '--out', join(out, 'b.html')]),
    );
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain('level file not found');
    const broken = join(out, 'broken.json');
    writeFileSync(broken, '{"formatVersion": 1');
    const bad = capture(() =>
      sitmanMain(['--level', broken, '--lang', 'en', '--out', join(out, 'c.html')]),
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/broken\.json/);
    const invalid = join(out, 'invalid.json');
    writeFileSync(
      invalid,
      JSON.stringify({
        ...JSON.parse(readFileSync(levelPath('tutorial'), 'utf8')),
        discussion: [{ at: 'soon' }],
      }),
    );
    const inv = capture(() =>
      sitmanMain(['--level', invalid, '--lang', 'en', '--out', join(out, 'd.html')]),
    );
    expect(inv.code).toBe(1);
    expect(inv.stderr).toMatch(/invalid level: .*discussion/);
    const noDir = capture(() =>
      sitmanMain([
        '--level',
        levelPath('tutorial'),
        '--lang',
        'en',
        '--out',
        join(out, 'no', 'e.html'),
      ]),
    );
    expect(noDir.code).toBe(1);
    expect(noDir.stderr).toMatch(/folder .* does not exist/);
    const isDir = capture(() =>
      sitmanMain(['--level', levelPath('tutorial'), '--lang', 'en', '--out', out]),
    );
    expect(isDir.code).toBe(1);
    expect(isDir.stderr).toMatch(/is a folder/);
  });
});
