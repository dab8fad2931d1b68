// Vitest browser mode: the title menu's HTML in a real DOM — entries, live language switch,
// persisted settings and focus.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { appFlowMachine, screenOf } from '../../src/ui/appFlow.machine';
import { createI18n } from '../../src/i18n';
import { AudioCues } from '../../src/audio/audio';
import { createSettingsStore, SETTINGS_KEY } from '../../src/ui/settings';
import { renderTitleMenu } from '../../src/ui/panels/titleMenu';
import { createUiContext, type UiContext } from '../../src/ui/context';
import { browserSessionMakers } from '../../src/ui/session/sessionMakers';

async function setup(): Promise<UiContext> {
  localStorage.removeItem(SETTINGS_KEY);
  document.body.innerHTML = '<div id="overlay"></div>';
  const audio = new AudioCues();
  const makers = browserSessionMakers(audio, localStorage);
  const flow = createActor(appFlowMachine, { input: { makers } }).start();
  flow.send({ type: 'boot.done' });
  flow.send({ type: 'assets.loaded' });
  const ctx: UiContext = createUiContext({
    flow,
    i18n: await createI18n('en'),
    audio,
    settings: createSettingsStore(localStorage),
    overlay: document.getElementById('overlay') as HTMLElement,
  });
  ctx.i18n.on('languageChanged', () => renderTitleMenu(ctx));
  renderTitleMenu(ctx);
  return ctx;
}

describe('title menu', () => {
  it('should offer the game entries with New game focused', async () => {
    await setup();
    const entries = [...document.querySelectorAll('[data-entry]')].map((b) =>
      b.getAttribute('data-entry'),
    );
    expect(entries).toEqual(['new', 'continue', 'replays', 'team', 'exercise']);
    expect(document.activeElement?.getAttribute('data-entry')).toBe('new');
  });

  it('should switch to Korean live and persist the choice', async () => {
    const ctx = await setup();
    (document.querySelector('[data-lang="ko"]') as HTMLButtonElement).click();
    await expect
      .poll(() => document.querySelector('[data-entry="new"]')?.textContent)
      .toBe('새 게임');
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}').language).toBe('ko');
    expect(document.querySelector('[data-lang="ko"]')?.getAttribute('aria-pressed')).toBe('true');
    expect(ctx.audio.log.map((e) => e.cue)).toContain('click');
  });

  it('should persist mute and reduced motion and announce the change', async () => {
    const ctx = await setup();
    const mute = document.getElementById('setting-mute') as HTMLInputElement;
    mute.click();
    expect(ctx.settings.get().muted).toBe(true);
    expect(document.getElementById('announcer')?.textContent).toBe('Settings saved');
    (document.getElementById('setting-motion') as HTMLInputElement).click();
    expect(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? '{}')).toMatchObject({
      muted: true,
      reducedMotion: true,
    });
  });

  it('should send New game to the app-flow machine', async () => {
    const ctx = await setup();
    (document.querySelector('[data-entry="new"]') as HTMLButtonElement).click();
    expect(screenOf(ctx.flow.getSnapshot().value)).toBe('levelSelect');
  });

  it('should open the team lobby from the title', async () => {
    const ctx = await setup();
    const team = document.querySelector('[data-entry="team"]') as HTMLButtonElement;
    expect(team.disabled).toBe(false);
    expect(team.textContent).toContain('Team session');
    team.click();
    expect(screenOf(ctx.flow.getSnapshot().value)).toBe('team');
  });

  it('should open Replays (the run library) from the title', async () => {
    const ctx = await setup();
    const replays = document.querySelector('[data-entry="replays"]') as HTMLButtonElement;
    expect(replays.disabled).toBe(false);
    replays.click();
    expect(screenOf(ctx.flow.getSnapshot().value)).toBe('runs');
  });
});
