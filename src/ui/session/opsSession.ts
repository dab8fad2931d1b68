// What the Ops scene and its panels need from whatever drives the run on screen. Three kinds:
// a solo run (local log, every role), a team seat (the server orders the log; the seat holds one
// role, or none for the projector) and a replay (a stored run watched read-only). The scene stays
// one thin view over all three.
import type { CommandOutcome, Level, PlayerRole, Run, ViewSnapshot } from '../../game';
import type { metrics } from '../../engine';
import type { i18n as I18n } from 'i18next';
import type { History } from './history';

export interface FeedItem {
  tick: number;
  kind: string;
  params: Record<string, string | number>;
}

export type OpsMode = 'solo' | 'team' | 'projector' | 'replay';

export interface OpsSession {
  readonly mode: OpsMode;
  readonly level: Level;
  /** The run as far as this client has simulated it. */
  readonly run: Run;
  /** True once the run reached its end (the scene then goes to the debrief, except in replays). */
  readonly ended: boolean;
  readonly history: History;
  /**
   * The roles whose actions this client may send: all of them in solo play, the seat's role in a
   * team, none in a replay or on the projector (the panels then only show).
   */
  readonly actingRoles: readonly PlayerRole[] | 'all';
  /** Whether the clock controls (pause, speed, skip) belong to this client. */
  readonly controlsClock: boolean;
  view(force?: boolean): ViewSnapshot;
  truth(): ReturnType<typeof metrics>;
  /** Real time since the last frame; the session decides how far the run moves. */
  frame(realMs: number): void;
  /**
   * Sends a command as this client. The outcome is known at once for a local run; a team seat
   * answers with the local pre-check and reports the server's verdict later through the feed.
   */
  command(type: string, args?: Record<string, unknown>): CommandOutcome;
  onFeed(listener: (feed: FeedItem[]) => void): () => void;
  /**
   * Words for the feed items only this kind of session adds (a team seat's who-did-what and
   * connection notes); undefined leaves the item to the event log's own wording.
   */
  feedText?(item: FeedItem, i18n: I18n): string | undefined;
  /** Keeps what must survive a reload (solo: the autosave). */
  save(): boolean;
  /** Ends the shift early, when this client may (solo; the facilitator in a team). */
  endShift?(): void;
  /** Leaves the run: stops sound loops and timers, saves what should be saved. */
  dispose(): void;
}
