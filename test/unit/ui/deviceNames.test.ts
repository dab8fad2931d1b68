// Texts name devices in words: generated messages and findings lose their engine ids, and a task
// or log line says what it acts on.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLevel, type Level } from '../../../src/game';
import { createI18n } from '../../../src/i18n';
import { commandName, nameDevices } from '../../../src/ui/panels/ops/labels';
import type { UiContext } from '../../../src/ui/context';

function level(id: string): Level {
  const parsed = parseLevel(JSON.parse(readFileSync(`levels/${id}.json`, 'utf8')));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.level;
}

async function ctx(lang: 'ko' | 'en'): Promise<UiContext> {
  return { i18n: await createI18n(lang) } as UiContext;
}

describe('device names in texts', () => {
  it('should replace whole engine ids in generated texts by the device names', async () => {
    const backbone = level('backbone-isp');
    const en = await ctx('en');
    expect(
      nameDevices(en, backbone, 'Reports point to the name servers (dns-hyehwa) not answering.'),
    ).toBe('Reports point to the name servers (Hyehwa DNS) not answering.');
    expect(nameDevices(en, backbone, 'NetFlow intl-hyehwa: top talker is UDP 1434')).toBe(
      'NetFlow Hyehwa international gateway (2×STM-16): top talker is UDP 1434',
    );
    const ko = await ctx('ko');
    expect(nameDevices(ko, backbone, '네임서버(dns-hyehwa) 응답이 없다는 신고')).toBe(
      '네임서버(혜화 DNS) 응답이 없다는 신고',
    );
    // Not inside other words, and not in another case.
    expect(nameDevices(en, backbone, 'Hyehwa and dns-hyehwa-old')).toBe(
      'Hyehwa and dns-hyehwa-old',
    );
  });

  it('should name a command with its target device and direction', async () => {
    const backbone = level('backbone-isp');
    const en = await ctx('en');
    expect(
      commandName(en, backbone, 'filter.apply', { device: 'hyehwa', direction: 'ingress' }),
    ).toBe('Filter UDP 1434 — Hyehwa (international gateway, core) (inbound)');
    expect(commandName(en, backbone, 'diag.dnsLogs', { cluster: 'dns-guro' })).toBe(
      'Read DNS logs — Guro resolvers',
    );
    expect(commandName(en, backbone, 'diag.ids', {})).toBe('Read IDS alerts');
    const ko = await ctx('ko');
    expect(commandName(ko, backbone, 'patch.start', { segment: 'bb-seoul' })).toBe(
      '패치 작업 시작 — 메가패스 서울·경기',
    );
  });
});
