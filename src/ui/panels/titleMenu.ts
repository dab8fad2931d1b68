import type { UiContext } from '../context';
import { applyTextScale, TEXT_SCALES, type Settings } from '../settings';
import { clear, el } from '../dom';
import { LANGUAGES, type Language } from '../../i18n/language';
import { clearAutosave, peekAutosave } from '../session/autosave';
import { loadLevel } from '../session/levels';
import { formatKst, local } from '../format';
import { levelTitle } from '../levelCatalog';
import { switchLanguage } from '../fontGlyphs';
import { joinCodeFromUrl, readSeat } from './team/seatStore';

/** Once per page load, a join link or a seat held by this tab goes straight to the team lobby. */
let teamRouteChecked = false;

const LANGUAGE_NAMES: Record<Language, string> = { ko: '한국어', en: 'English' };

/**
 * The title screen's HTML menu: the game's entries and the persisted settings (language, volume,
 * mute, reduced motion). Re-rendered on language change; every press gives a sound cue and a
 * visible response.
 */
export function renderTitleMenu(ctx: UiContext): void {
  const { i18n, audio, flow } = ctx;
  const t = i18n.t.bind(i18n);
  clear(ctx.overlay);

  const entry = (id: string, label: string, hint: string | undefined, onPress?: () => void) => {
    const button = el(
      'button',
      { class: 'menu-button', type: 'button', 'data-entry': id, disabled: !onPress },
      label,
      hint ? el('span', { class: 'hint', text: hint }) : null,
    );
    if (onPress)
      button.addEventListener('click', () => {
        audio.play('click');
        onPress();
      });
    return button;
  };

  const menu = el(
    'nav',
    { class: 'panel title-menu', 'aria-label': t('menu.heading'), 'data-testid': 'title-menu' },
    el('h2', { text: t('menu.heading') }),
    entry('new', t('menu.newGame'), undefined, () => void newGame(ctx)),
    continueEntry(ctx, entry),
    entry('replays', t('menu.replays'), t('menu.replaysHint'), () =>
      flow.send({ type: 'menu.runs' }),
    ),
    entry('team', t('menu.team'), t('menu.teamHint'), () => flow.send({ type: 'menu.team' })),
    // Fetched on first use with its strings: the solo path never downloads the console.
    entry('exercise', t('menu.exercise'), t('menu.exerciseHint'), () => {
      void import('./exercise/exerciseConsole').then((m) =>
        m.openExerciseConsole(ctx, () => renderTitleMenu(ctx)),
      );
    }),
    settingsSection(ctx),
  );
  ctx.overlay.append(
    menu,
    el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'announcer' }),
  );
  menu.querySelector<HTMLButtonElement>('[data-entry="new"]')?.focus();
  if (!teamRouteChecked) {
    teamRouteChecked = true;
    // After the title has drawn (the scene director is not re-entered from inside a scene start).
    if (joinCodeFromUrl() !== undefined || readSeat())
      setTimeout(() => flow.send({ type: 'menu.team' }), 0);
  }
}

/** The language switch: the new language's strings and glyphs load before it is shown. */
function languageButtons(ctx: UiContext): HTMLButtonElement[] {
  const { i18n, settings, audio } = ctx;
  return LANGUAGES.map((lang) => {
    const b = el('button', {
      type: 'button',
      lang,
      'data-lang': lang,
      'aria-pressed': String(i18n.language === lang),
      text: LANGUAGE_NAMES[lang],
    });
    b.addEventListener('click', () => {
      audio.play('click');
      if (i18n.language === lang) return;
      settings.update({ language: lang });
      switchLanguage(i18n, lang).catch((err: unknown) => {
        // Only if the language's chunk could not be fetched (offline before the first full visit).
        console.warn('Language not switched:', err instanceof Error ? err.message : err);
      });
    });
    return b;
  });
}

/** The persisted settings, each saved as it changes (with a click and a "saved" announcement). */
function settingsSection(ctx: UiContext): HTMLElement {
  const { i18n, settings, audio } = ctx;
  const t = i18n.t.bind(i18n);
  const s = settings.get();
  const saved = <E extends HTMLInputElement | HTMLSelectElement>(
    input: E,
    save: (e: E) => void,
  ) => {
    input.addEventListener('change', () => {
      save(input);
      audio.play('click');
      announce(ctx, t('settings.saved'));
    });
    return input;
  };
  const checkbox = (id: string, checked: boolean, save: (checked: boolean) => void) =>
    saved(el('input', { id, type: 'checkbox', checked }), (e) => save(e.checked));
  const volume = saved(
    el('input', {
      id: 'setting-volume',
      type: 'range',
      min: 0,
      max: 100,
      step: 5,
      value: Math.round(s.volume * 100),
    }),
    (e) => settings.update({ volume: Number(e.value) / 100 }),
  );
  const textSize = saved(
    el(
      'select',
      { id: 'setting-text' },
      ...TEXT_SCALES.map((scale) =>
        el('option', {
          value: String(scale),
          selected: s.textScale === scale,
          text: `${scale * 100}%`,
        }),
      ),
    ),
    (e) => {
      const textScale = Number(e.value) as Settings['textScale'];
      settings.update({ textScale });
      applyTextScale(document.documentElement, textScale);
    },
  );
  return el(
    'section',
    { class: 'settings', 'aria-labelledby': 'settings-heading' },
    el('h2', { id: 'settings-heading', text: t('menu.settings') }),
    el('span', { id: 'lang-label', text: t('settings.language') }),
    el(
      'div',
      { class: 'lang-switch', role: 'group', 'aria-labelledby': 'lang-label' },
      ...languageButtons(ctx),
    ),
    el('label', { for: 'setting-volume', text: t('settings.volume') }),
    volume,
    el('label', { for: 'setting-mute', text: t('settings.mute') }),
    checkbox('setting-mute', s.muted, (muted) => settings.update({ muted })),
    el('label', { for: 'setting-motion', text: t('settings.reducedMotion') }),
    checkbox('setting-motion', s.reducedMotion, (reducedMotion) =>
      settings.update({ reducedMotion }),
    ),
    el('label', { for: 'setting-text', text: t('settings.textSize') }),
    textSize,
    el('label', { for: 'setting-pause-situation', text: t('settings.pauseOnSituation') }),
    checkbox('setting-pause-situation', s.pauseOnSituation, (pauseOnSituation) =>
      settings.update({ pauseOnSituation }),
    ),
  );
}

/** New game: a saved run is replaced when the new one starts, so the player is asked first. */
async function newGame(ctx: UiContext): Promise<void> {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const saved = peekAutosave(window.localStorage);
  if (saved.kind === 'ok') {
    // The dialog's code is fetched when first needed.
    const { confirmDialog } = await import('./confirmDialog');
    const yes = await confirmDialog(ctx.overlay, {
      heading: t('menu.replaceHeading'),
      body: t('menu.replaceBody', {
        level: await levelName(ctx, saved.save.levelId),
        time: formatKst(ctx.i18n, saved.save.tick, false),
      }),
      confirm: t('menu.replaceYes'),
      cancel: t('menu.replaceNo'),
    });
    if (!yes) return;
  }
  ctx.flow.send({ type: 'menu.newGame' });
}

/** A level's title in the player's language (its id if the level list cannot be read). */
async function levelName(ctx: UiContext, id: string): Promise<string> {
  const title = await levelTitle(id);
  return title ? local(ctx.i18n, title) : id;
}

/** Continue: offered when a run is saved; a save that cannot be read is named, never fatal. */
function continueEntry(
  ctx: UiContext,
  entry: (
    id: string,
    label: string,
    hint: string | undefined,
    onPress?: () => void,
  ) => HTMLButtonElement,
): HTMLButtonElement {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const saved = peekAutosave(window.localStorage);
  if (saved.kind === 'none') return entry('continue', t('menu.continue'), t('menu.continueNone'));
  if (saved.kind === 'corrupt') {
    return entry(
      'continue',
      t('menu.continue'),
      t('menu.continueCorrupt', { reason: saved.reason }),
    );
  }
  const { save } = saved;
  const when = formatKst(ctx.i18n, save.tick, false);
  const button = entry('continue', t('menu.continue'), when, () => {
    void (async () => {
      const level = await loadLevel(save.levelId);
      // The restorer and the SHA-256 code it needs are fetched on use, not for the title.
      const { restoreRun } = await import('../session/autosaveWriter');
      const restored = level.ok
        ? restoreRun(save, level.level)
        : { ok: false as const, message: level.error };
      if (level.ok && restored.ok)
        ctx.flow.send({
          type: 'run.continue',
          level: level.level,
          run: restored.run,
          history: save.history,
        });
      // Still on the title: the save could not be taken up again (or the machine could not
      // start its session); it goes, and the player is told why.
      const after = ctx.flow.getSnapshot();
      if (!after.matches('title')) return;
      const reason = !level.ok
        ? level.error
        : !restored.ok
          ? restored.message
          : (after.context.sessionError ?? '');
      clearAutosave(window.localStorage);
      renderTitleMenu(ctx);
      announce(ctx, t('menu.continueFailed', { reason }), 8000);
    })();
  });
  // The level's name, not its id: read from the level file, then shown beside the time.
  void levelName(ctx, save.levelId).then((name) => {
    const hint = button.querySelector('.hint');
    if (hint) hint.textContent = `${name} · ${when}`;
  });
  return button;
}

/** Says something to screen readers and shows it briefly on screen. */
export function announce(ctx: UiContext, message: string, showMs = 1600): void {
  const live = ctx.overlay.querySelector('#announcer');
  if (live) live.textContent = message;
  const toast = el('div', { class: 'toast', 'aria-hidden': 'true', text: message });
  ctx.overlay.append(toast);
  setTimeout(() => toast.remove(), showMs);
}
