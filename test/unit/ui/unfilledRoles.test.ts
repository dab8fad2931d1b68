// The lobby names the roles nobody holds (their orders would belong to nobody once started).
import { describe, expect, it } from 'vitest';
import { unfilledRoles } from '../../../src/ui/panels/team/unfilledRoles';
import { SEAT_ROLES } from '../../../src/net/protocol';
import { createI18n, loadFeatureLocale } from '../../../src/i18n';

describe('unfilled roles in the lobby', () => {
  it('should list the roles no player holds, in the session order', () => {
    const seats = [
      { kind: 'facilitator' as const, role: null },
      { kind: 'player' as const, role: 'network' as const },
      { kind: 'player' as const, role: 'comms' as const },
      { kind: 'player' as const, role: null },
      { kind: 'projector' as const, role: null },
    ];
    expect(unfilledRoles(SEAT_ROLES, seats)).toEqual(['commander', 'security', 'systems']);
    expect(unfilledRoles(['network', 'comms'], seats)).toEqual([]);
    expect(unfilledRoles(SEAT_ROLES, [])).toEqual([...SEAT_ROLES]);
  });

  it('should say in both languages what every role would leave undone', async () => {
    for (const lang of ['ko', 'en'] as const) {
      const i18n = await createI18n(lang);
      i18n.addResourceBundle(lang, 'translation', await loadFeatureLocale('team', lang), true);
      for (const role of SEAT_ROLES)
        expect(i18n.exists(`team.lobby.duties.${role}`), `${lang} ${role}`).toBe(true);
      const text = i18n.t('team.lobby.unfilled', { roles: 'X', duties: 'Y' });
      expect(text).toContain('X');
      expect(text).toContain('Y');
    }
  });
});
