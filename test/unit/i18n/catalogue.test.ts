// The one text mechanism: the same locale strings and particle formatters in the views' i18next
// instance and in the catalogue the review, the CLI and the server read.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../src/i18n/catalogue';
import { renderRejection } from '../../../src/i18n/rejection';
import { REJECTION_CODES } from '../../../src/game';
import { errorText, TEXT } from '../../../server/sessions/text';

describe('text catalogue', () => {
  const sample = catalogue('sample-test', {
    en: { found: '{{id}} was found', list: ['a', 'b'] },
    ko: { found: '{{id, iga}} 발견되었습니다', list: ['가', '나'] },
  });

  it('fills placeholders and picks the Korean particle that fits the word', () => {
    expect(sample.t('en', 'found', { id: 'web-1' })).toBe('web-1 was found');
    expect(sample.t('ko', 'found', { id: '혜화 관문' })).toBe('혜화 관문이 발견되었습니다');
    expect(sample.t('ko', 'found', { id: '구로' })).toBe('구로가 발견되었습니다');
    expect(sample.local('found', { id: '서울' })).toEqual({
      ko: '서울이 발견되었습니다',
      en: '서울 was found',
    });
    expect(sample.lists('list')).toEqual({ ko: ['가', '나'], en: ['a', 'b'] });
  });

  it('names the namespace and key of a string that does not exist', () => {
    expect(() => sample.t('ko', 'missing')).toThrow(/sample-test:missing \(ko\): no such string/);
    expect(() => sample.t('en', 'list')).toThrow(/sample-test:list \(en\): not a string/);
    expect(() => sample.lists('found')).toThrow(/sample-test:found \(ko\): not a list/);
  });

  it('renders every refusal in both languages, with particles after quoted ids', () => {
    for (const code of REJECTION_CODES)
      for (const lang of ['ko', 'en'] as const)
        expect(renderRejection({ code, params: {} }, lang)).not.toMatch(/\(이\)|\(은\)/);
    const device = { code: 'UNKNOWN_DEVICE', params: { kind: '라우터', id: 'core-1' } } as const;
    expect(renderRejection(device, 'ko')).toBe('라우터 "core-1"이 이 네트워크에 없습니다.');
    expect(renderRejection(device, 'en')).toBe('There is no 라우터 "core-1" in this network.');
    expect(renderRejection({ code: 'UNKNOWN_STAFF', params: { id: 'kim' } }, 'ko')).toBe(
      '직원 "kim"이 명단에 없습니다.',
    );
    expect(
      renderRejection(
        { code: 'INJECT_NOT_ACTIVE', params: { id: 'kisa-2', status: 'done' } },
        'ko',
      ),
    ).toBe('상황 "kisa-2"는 지금 열려 있지 않습니다 (done).');
  });

  it('gives the server its reasons with the detail, in both languages', () => {
    expect(errorText('ROOM_FULL')).toEqual({ ko: '방이 가득 찼습니다', en: 'The room is full' });
    expect(errorText('BAD_MESSAGE', 'name: too long')).toEqual({
      ko: '메시지 형식이 잘못되었습니다: name: too long',
      en: 'The message is malformed: name: too long',
    });
    expect(TEXT.ended.idle.en).toBe('The session expired: nobody was connected.');
  });
});
