// Entry point: builds the shared UI context (app-flow actor, i18n, audio, settings), starts Phaser
// with one scene per screen, and lets the scene director follow the app-flow machine.
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-kr/700.css';
import './ui/style.css';
import { AUTO, CANVAS, Game, Scale, WEBGL } from 'phaser';
import { createActor } from 'xstate';
import { appFlowMachine } from './ui/appFlow.machine';
import { createI18n, resolveLanguage, useFeatureStrings } from './i18n';
import type { i18n } from 'i18next';
import { AudioCues } from './audio/audio';
import { applyTextScale, createSettingsStore } from './ui/settings';
import { createUiContext, UI_CONTEXT_KEY } from './ui/context';
import { directScenes, type LazyScene } from './ui/sceneDirector';
import { chooseRenderer, webglRendererName, webglTuning } from './ui/rendererChoice';
import { Boot } from './ui/scenes/Boot';
import { Preloader } from './ui/scenes/Preloader';
import { Title } from './ui/scenes/Title';
import { LevelSelect } from './ui/scenes/LevelSelect';
import { Briefing } from './ui/scenes/Briefing';
import { Ops } from './ui/scenes/Ops';
import { browserSessionMakers, type BrowserSessionMakers } from './ui/session/sessionMakers';

/** Screens off the solo path, fetched the first time they are shown (see sceneDirector): a solo
 *  player downloads none of the debrief's, the run library's or the team screens' code up front.
 *  The session class a screen opens comes with it and is handed to the machine's session makers. */
const lazyScenes = (i18n: i18n, makers: BrowserSessionMakers): Record<string, LazyScene> => ({
  Debrief: () =>
    Promise.all([import('./ui/scenes/Debrief'), useFeatureStrings(i18n, 'debrief')]).then(
      ([m]) => m.Debrief,
    ),
  // The run library opens the replay viewer, whose strings come with it.
  RunLibrary: () =>
    Promise.all([
      import('./ui/scenes/RunLibrary'),
      import('./ui/session/replaySession'),
      useFeatureStrings(i18n, 'runs'),
      useFeatureStrings(i18n, 'replay'),
    ]).then(([m, { ReplaySession }]) => {
      makers.provide({ ReplaySession });
      return m.RunLibrary;
    }),
  TeamLobby: () =>
    Promise.all([
      import('./ui/scenes/TeamLobby'),
      import('./ui/session/teamSession'),
      useFeatureStrings(i18n, 'team'),
      useFeatureStrings(i18n, 'exercise'),
    ]).then(([scene, { TeamSession }]) => {
      makers.provide({ TeamSession });
      return scene.TeamLobby;
    }),
});

async function start(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const prefersReducedMotion =
    window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
  const settings = createSettingsStore(window.localStorage, prefersReducedMotion);
  const language = resolveLanguage({
    query: params.get('lang'),
    stored: settings.get().language,
    browser: navigator.languages,
  });
  document.documentElement.lang = language;
  applyTextScale(document.documentElement, settings.get().textScale);
  const i18n = await createI18n(language);

  const audio = new AudioCues();
  audio.setVolume(settings.get().volume);
  audio.setMuted(settings.get().muted);

  const makers = browserSessionMakers(audio, window.localStorage);
  const flow = createActor(appFlowMachine, { input: { makers } }).start();
  const overlay = document.getElementById('overlay') as HTMLElement;
  const ctx = createUiContext({ flow, i18n, audio, settings, overlay });

  const gpu = webglRendererName();
  const renderer = chooseRenderer(params.get('renderer'), gpu);
  const game = new Game({
    type: renderer === 'canvas' ? CANVAS : renderer === 'webgl' ? WEBGL : AUTO,
    parent: 'game',
    backgroundColor: '#0b1320',
    // The canvas is the size of the window: HTML panels and the map share one coordinate space.
    scale: { mode: Scale.RESIZE, width: '100%', height: '100%' },
    // Tests read pixels back; without this WebGL reads return black.
    render: { preserveDrawingBuffer: true, antialias: true, ...webglTuning(gpu) },
    audio: { noAudio: true },
    banner: false,
    scene: [Boot, Preloader, Title, LevelSelect, Briefing, Ops],
    callbacks: {
      preBoot: (g) => g.registry.set(UI_CONTEXT_KEY, ctx),
    },
  });
  // Phaser auto-starts the first scene in the list; from then on the director follows the machine.
  game.events.once('ready', () => directScenes(game, ctx, lazyScenes(i18n, makers)));

  // Test-only hooks (src/testHooks.ts), fetched after start-up so they cost the first load nothing.
  void import('./testHooks').then(({ installTestHooks }) =>
    installTestHooks({ game, ctx, audio, i18n }),
  );
}

void start();

// Offline play: the service worker (built by vite-plugin-pwa) caches the game after the first visit.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch((err: unknown) => {
      console.warn('Offline support unavailable:', err instanceof Error ? err.message : err);
    });
  });
}
