// Korean particles after inserted names: "혜화 캐시 DNS가", "구로가", "관문이", never "이(가)".
import { describe, expect, it } from 'vitest';
import { withParticle } from '../../../src/i18n/josa';
import { createI18n, loadFeatureLocale, loadLocale } from '../../../src/i18n';

describe('Korean particles', () => {
  it('should pick the form that fits the last sound of the word', () => {
    expect(withParticle('구로', 'iga')).toBe('구로가');
    expect(withParticle('혜화 관문', 'iga')).toBe('혜화 관문이');
    expect(withParticle('혜화 캐시 DNS', 'iga')).toBe('혜화 캐시 DNS가');
    expect(withParticle('국제회선 (STM-1)', 'iga')).toBe('국제회선 (STM-1)이');
    expect(withParticle('마포 PoP', 'eunneun')).toBe('마포 PoP는');
    expect(withParticle('run.json', 'eunneun')).toBe('run.json은');
    expect(withParticle('김 과장', 'eulreul')).toBe('김 과장을');
    expect(withParticle('박지수', 'eulreul')).toBe('박지수를');
    expect(withParticle('14:30', 'euro')).toBe('14:30으로');
    expect(withParticle('15:07', 'euro')).toBe('15:07로');
    expect(withParticle('서울', 'euro')).toBe('서울로');
    expect(withParticle('부산', 'euro')).toBe('부산으로');
  });

  it('should fill the particle into the Korean feed lines instead of "이(가)"', async () => {
    const i18n = await createI18n('ko');
    expect(i18n.t('feed.engine.dns.down', { id: '구로 캐시 DNS' })).toBe(
      'DNS 서버군 구로 캐시 DNS가 응답하지 않습니다',
    );
    expect(i18n.t('feed.engine.link.saturated', { id: '혜화 국제관문' })).toBe(
      '회선 혜화 국제관문이 포화 상태입니다',
    );
    expect(i18n.t('feed.engine.link.saturated', { id: '혜화 국제관문' })).not.toContain('(');
  });

  it('should leave no "이(가)"-style particle in any Korean string', async () => {
    const strings: string[] = [];
    const walk = (n: unknown) => {
      if (typeof n === 'string') strings.push(n);
      else if (n && typeof n === 'object') Object.values(n).forEach(walk);
    };
    walk(await loadLocale('ko'));
    for (const f of [
      'debrief',
      'runs',
      'replay',
      'team',
      'shortcuts',
      'device',
      'exercise',
    ] as const)
      walk(await loadFeatureLocale(f, 'ko'));
    expect(strings.filter((s) => /\((이|가|은|는|을|를|과|와|으)\)/.test(s))).toEqual([]);
  });
});
