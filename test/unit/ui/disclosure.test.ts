// Before a diagnosis the player's screens word things by what can be observed (issue 16): the
// locale's `_observed` wordings name no worm, port or infection, every order or knowledge flag
// whose plain wording names them has one, and the composer holds back options that name them.
// The e2e side (test/e2e/disclosure.test.ts) reads the built game's screens.
import { describe, expect, it } from 'vitest';
import { createI18n, useFeatureStrings } from '../../../src/i18n';
import { en } from '../../../src/i18n/locales/en';
import { ko } from '../../../src/i18n/locales/ko';
import { deviceEn } from '../../../src/i18n/locales/device.en';
import { deviceKo } from '../../../src/i18n/locales/device.ko';
import { diagnosed, namesTruth, wording } from '../../../src/ui/panels/ops/disclosure';
import { levelFiles, loadLevel } from '../scenarios/helpers';

const TRUTH = {
  en: /\b(?:worms?|slammer|sapphire|1434|sql|msde|ms02-039|infect\w*)\b/i,
  ko: /웜|슬래머|1434|SQL|MSDE|MS02-039|감염/i,
};

type Tree = { [k: string]: string | Tree };
/** Blocks whose keys are worded before a diagnosis too: orders, knowledge, reasons, the map. */
const blocks = (lang: 'en' | 'ko') => {
  const main = (lang === 'en' ? en : ko) as unknown as Tree;
  const device = (lang === 'en' ? deviceEn : deviceKo) as unknown as Tree;
  return {
    cmd: main.cmd as Tree,
    flags: main.flags as Tree,
    ops: main.ops as Tree,
    feed: main.feed as Tree,
    why: device.why as Tree,
  };
};

describe('wording before a diagnosis', () => {
  it('should name nothing of the truth in any `_observed` wording, in either language', () => {
    for (const lang of ['en', 'ko'] as const) {
      const observed = Object.entries(blocks(lang)).flatMap(([b, tree]) =>
        Object.entries(tree)
          .filter(([k]) => k.endsWith('_observed'))
          .map(([k, v]) => [`${b}.${k}`, String(v)] as const),
      );
      expect(observed.length, lang).toBeGreaterThanOrEqual(10);
      expect(observed.filter(([, v]) => TRUTH[lang].test(v)).map(([k]) => k)).toEqual([]);
    }
  });

  it('should give every order, flag and reason that names the truth an observed wording', () => {
    for (const lang of ['en', 'ko'] as const) {
      const { cmd, flags, why } = blocks(lang);
      const missing = Object.entries({ cmd, flags, why }).flatMap(([b, tree]) =>
        Object.entries(tree)
          .filter(([k, v]) => !k.endsWith('_observed') && TRUTH[lang].test(String(v)))
          .filter(([k]) => tree[`${k}_observed`] === undefined)
          .map(([k]) => `${b}.${k}`),
      );
      expect(missing, lang).toEqual([]);
    }
  });

  it('should not name the worm on the title or in the briefing of any level', () => {
    expect(TRUTH.en.test(en.app.tagline)).toBe(false);
    expect(TRUTH.ko.test(ko.app.tagline)).toBe(false);
    expect(TRUTH.en.test(en.briefing.objectiveList)).toBe(false);
    expect(TRUTH.ko.test(ko.briefing.objectiveList)).toBe(false);
    const level = loadLevel('backbone-isp.json');
    expect(TRUTH.en.test(level.meta.briefing.en)).toBe(false);
    expect(TRUTH.ko.test(level.meta.briefing.ko)).toBe(false);
    // The level list shows every level's summary before any game.
    for (const file of levelFiles()) {
      const summary = loadLevel(file).meta.summary;
      if (!summary) continue;
      expect(TRUTH.en.test(summary.en), file).toBe(false);
      expect(TRUTH.ko.test(summary.ko), file).toBe(false);
    }
  });

  it('should pick the observed wording until NetFlow or the IDS has identified the flood', async () => {
    const i18n = await createI18n('en');
    await useFeatureStrings(i18n, 'device');
    expect(diagnosed({})).toBe(false);
    expect(diagnosed({ knowsDnsOverload: 60 })).toBe(false);
    expect(diagnosed({ knowsUdp1434: 0 })).toBe(true);
    expect(diagnosed({ knowsWorm: 1900 })).toBe(true);
    const before = wording({ knowsDnsOverload: 60 });
    const after = wording({ knowsUdp1434: 1900 });
    expect(i18n.t('cmd.filter.apply', before)).toBe('Filter the flooding traffic');
    expect(i18n.t('cmd.filter.apply', after)).toBe('Filter UDP 1434');
    // A key without an observed wording keeps its only one.
    expect(i18n.t('cmd.diag.netflow', before)).toBe('NetFlow top talkers');
    expect(i18n.t('flags.knowsInfectedHosts', before)).not.toMatch(TRUTH.en);
    expect(i18n.t('why.needs.knowsInfectedHosts', before)).not.toMatch(TRUTH.en);
    expect(i18n.t('why.needs.knowsInfectedHosts', after)).toMatch(/infected/);
    const koI18n = await createI18n('ko');
    expect(koI18n.t('cmd.filter.apply', before)).toBe('폭주 트래픽 차단');
    expect(koI18n.t('ops.worldInset', before)).not.toMatch(TRUTH.ko);
  });

  it('should hold back a message option that claims or names the worm, and offer the rest', () => {
    const level = loadLevel('backbone-isp.json');
    const options = level.contacts.flatMap((c) => c.options.map((o) => ({ c: c.id, ...o })));
    const held = options.filter((o) => namesTruth(o)).map((o) => `${o.c}/${o.id}`);
    expect(held).toContain('kisa/report-worm');
    expect(held).toContain('customers/advise-patch');
    expect(held).toContain('hanaro/share-signature');
    expect(held).not.toContain('customers/notice-outage');
    expect(held).not.toContain('executives/brief-dns');
    // What is offered before a diagnosis names nothing of the truth in either language.
    for (const o of options.filter((x) => !namesTruth(x))) {
      expect(o.text.en, o.id).not.toMatch(TRUTH.en);
      expect(o.text.ko, o.id).not.toMatch(TRUTH.ko);
    }
    // An option that names the truth only in its words (no claim) is held back too.
    expect(
      namesTruth({ text: { en: 'Please filter UDP 1434.', ko: '차단해 주십시오.' }, claims: [] }),
    ).toBe(true);
    expect(
      namesTruth({ text: { en: 'Service is down.', ko: '서비스 장애' }, claims: ['worm.active'] }),
    ).toBe(true);
  });
});
