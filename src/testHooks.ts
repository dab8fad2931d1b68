// The one test-only door into the running game: hooks on `window.__app` that the e2e tests and the
// bench poll (screen, cue log, renderer, finished run, map points, team seat), plus one driver,
// `advance`, that moves a solo run's game time so tests need no wall-clock sleeps. The game never
// reads them. main.ts fetches this module after start-up, so none of it is on the
// first download; every caller polls with `window.__app?.…`, which tolerates the short wait.
import { CANVAS, WEBGL, type Game } from 'phaser';
import type { i18n } from 'i18next';
import { screenOf } from './ui/appFlow.machine';
import { hashGame, runScore } from './game';
import type { AudioCues, CueLogEntry } from './audio/audio';
import type { UiContext } from './ui/context';

export interface TestHooks {
  screen(): string;
  cueLog(): CueLogEntry[];
  rendererType(): 'WEBGL' | 'CANVAS' | 'UNKNOWN';
  language(): string;
  /** The run that just ended (debrief): score, flags reached, commands sent. */
  finished():
    { score: number; flags: string[]; commands: string[]; level: string; hash: string } | undefined;
  /** The run in play: tick, state hash, accepted commands, ended, clock paused. */
  run(): { tick: number; hash: string; log: number; ended: boolean; paused: boolean } | undefined;
  /**
   * Moves the solo run in play to game tick `tick` (or its end) at once, through the core's own
   * `advance` event — the same path the headless simulator uses, so the outcome is what the clock
   * would have reached; a paused clock is passed over. Returns where it stopped, or undefined when
   * no solo run is in play.
   */
  advance(tick: number): { tick: number; ended: boolean; paused: boolean } | undefined;
  /** A device on the Ops map: where it is drawn (page pixels) and the label beside it. */
  map(id: string): { x: number; y: number; label: string | undefined } | undefined;
  /** The team seat on this page (lobby or Ops): room, seat, connection, end. */
  team():
    | {
        code: string;
        seat: string;
        role: string | null;
        state: string;
        status: string;
        runId: number | null;
        finalHashMatches: boolean | null;
      }
    | undefined;
}

export interface TestHookDeps {
  game: Game;
  ctx: UiContext;
  audio: AudioCues;
  i18n: i18n;
}

export function installTestHooks({ game, ctx, audio, i18n }: TestHookDeps): void {
  window.__app = {
    screen: () => screenOf(ctx.flow.getSnapshot().value),
    cueLog: () => audio.log.map((e) => ({ ...e })),
    rendererType: () =>
      game.renderer
        ? game.renderer.type === WEBGL
          ? 'WEBGL'
          : game.renderer.type === CANVAS
            ? 'CANVAS'
            : 'UNKNOWN'
        : 'UNKNOWN',
    language: () => i18n.language,
    finished: () => {
      const run = ctx.finished;
      if (!run) return undefined;
      return {
        score: runScore(run).total,
        flags: Object.keys(run.state.flags),
        commands: run.log.map((c) => c.type),
        level: run.level.meta.id,
        hash: hashGame(run.state),
      };
    },
    run: () => {
      const session = ctx.session;
      if (!session) return undefined;
      const run = session.run;
      return {
        tick: run.state.tick,
        hash: hashGame(run.state),
        log: run.log.length,
        ended: run.state.ended,
        paused: run.state.clock.paused,
      };
    },
    advance: (tick) => {
      const session = ctx.session;
      if (session?.mode !== 'solo') return undefined;
      session.actor.send({ type: 'advance', tick: Math.min(tick, session.run.state.endTick) });
      const s = session.run.state;
      return { tick: s.tick, ended: s.ended, paused: s.clock.paused };
    },
    map: (id) => {
      const map = ctx.map;
      if (!map) return undefined;
      const point = map.pointOf(id);
      return point ? { ...point, label: map.labelOf(id) } : undefined;
    },
    team: () => {
      // The seat in play (lobby or Ops), else the one whose run just ended (debrief), open or not.
      const { session: live, endedSeat } = ctx.flow.getSnapshot().context;
      const session = live?.mode === 'team' || live?.mode === 'projector' ? live : endedSeat?.seat;
      if (!session) return undefined;
      return {
        code: session.info.code,
        seat: session.seat.kind,
        role: session.role ?? null,
        state: session.info.state,
        status: session.status,
        runId: session.endedBy?.runId ?? null,
        finalHashMatches: session.finalHashMatches ?? null,
      };
    },
  };
}
