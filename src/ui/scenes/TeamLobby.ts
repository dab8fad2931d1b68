import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { mountHtmlScreen } from './htmlScreen';
import { clear, el } from '../dom';
import { loadLevelSummaries } from '../levelCatalog';
import { loadLevel } from '../session/levels';
import { SessionClient, wsUrlFor, type SeatAuth } from '../../net/client';
import { TeamLink } from '../../net/teamLink';
import type { CreateSessionResponse, ServerMessage } from '../../net/protocol';
import { serverText, type TeamSession, type Welcome } from '../session/teamSession';
import { renderEntryForms, type CreateRequest, type EntryForms } from '../panels/team/lobbyForms';
import { renderLobbyRoom } from '../panels/team/lobbyRoom';
import {
  clearSeat,
  evaluatorKeyFromUrl,
  joinCodeFromUrl,
  readSeat,
  writeSeat,
} from '../panels/team/seatStore';
import { useFeatureStrings } from '../../i18n';

/** Frames that may arrive between the welcome and the end of the level's loading. */
const EARLY_FRAMES = [
  'seats',
  'session',
  'cmd',
  'tick',
  'log',
  'rejected',
  'error',
  'resync',
  'desync',
  'ended',
  'removed',
  'observation',
] as const satisfies readonly ServerMessage['t'][];

/** A refusal at the door that means the stored seat is gone for good. */
const SEAT_GONE = new Set(['BAD_TOKEN', 'UNKNOWN_ROOM', 'ROOM_ENDED', 'REMOVED', 'SUPERSEDED']);

/**
 * TeamLobby: create a team session (the creator becomes its facilitator) or join one by its code,
 * then the room — code, join link and QR code, who sits where and whether they are connected —
 * until the facilitator starts it; then everyone goes to the Ops views with their seat's
 * TeamSession. A seat held by this tab (sessionStorage) is taken again at once.
 */
export class TeamLobby extends Scene {
  private ctx: UiContext;
  private client: SessionClient | undefined;
  private net: TeamLink | undefined;
  private forms: EntryForms | undefined;
  private cleanups: (() => void)[] = [];
  /** Listeners on the client that belong to this scene, not to the session. */
  private clientCleanups: (() => void)[] = [];
  private handedOver = false;
  /** What to tell the player once the forms are (re)drawn: why the last attempt ended. */
  private message: string | undefined;

  constructor() {
    super('TeamLobby');
  }

  /** The seat the machine made for this lobby's welcome (none before it, nor after leaving). */
  private get session(): TeamSession | undefined {
    const s = this.ctx.flow.getSnapshot().context.session;
    return s?.mode === 'team' || s?.mode === 'projector' ? s : undefined;
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    this.client = undefined;
    this.net = undefined;
    this.forms = undefined;
    this.handedOver = false;
    mountHtmlScreen(this, this.ctx, {
      render: () => this.render(),
      // In a room, Escape does not leave it (Leave is a deliberate button).
      onEscape: () => {
        if (!this.session) this.back();
      },
      onShutdown: () => {
        this.cleanups.splice(0).forEach((c) => c());
        this.clientCleanups.splice(0).forEach((c) => c());
        // Leaving without starting (Back, Escape): the connection goes with the screen; the seat
        // token stays so the player can come back to the same seat.
        if (!this.handedOver) this.disconnect();
      },
    });
    const stored = readSeat();
    if (stored) this.connect({ resume: { token: stored.token } }, true);
    else this.render();
  }

  // ---- screens

  private render(): void {
    clear(this.ctx.overlay);
    if (this.session) {
      this.renderRoom();
      return;
    }
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    if (this.client) {
      this.ctx.overlay.append(
        el(
          'div',
          { class: 'team-lobby', 'data-testid': 'team-connecting' },
          el('h1', { text: t('team.heading') }),
          el('p', { role: 'status', text: t('team.lobby.resuming') }),
          this.leaveButton(),
        ),
      );
      return;
    }
    void loadLevelSummaries().then((levels) => {
      if (!this.scene.isActive() || this.session || this.client) return;
      clear(this.ctx.overlay);
      this.forms = renderEntryForms(this.ctx, {
        levels,
        code: joinCodeFromUrl(),
        onCreate: (req) => void this.create_(req),
        onJoin: (req) => {
          // An evaluator link (?join=CODE&evaluator=KEY) joins as an evaluator with its key.
          const key = evaluatorKeyFromUrl();
          this.connect(
            key
              ? { join: { room: req.code, name: req.name, as: 'evaluator', key } }
              : { join: { room: req.code, name: req.name, as: req.as } },
            false,
          );
        },
        onBack: () => this.back(),
      });
      this.ctx.overlay.append(
        this.forms.root,
        el('div', { class: 'sr-only', role: 'status', 'aria-live': 'polite', id: 'announcer' }),
      );
      if (this.message) this.forms.say('join', this.message, true);
      else if (evaluatorKeyFromUrl())
        void useFeatureStrings(this.ctx.i18n, 'exercise').then(() =>
          this.forms?.say('join', this.ctx.i18n.t('exercise.evaluator.joining')),
        );
      this.message = undefined;
      // A join link: the code is filled in, the name is what is left to type.
      const first = joinCodeFromUrl() ? '#team-name' : '#team-code';
      this.ctx.overlay.querySelector<HTMLElement>(first)?.focus();
    });
  }

  private renderRoom(): void {
    const session = this.session!;
    // Redraws come with every roster change: keep focus where the player left it.
    const focusId = (document.activeElement as HTMLElement | null)?.id;
    clear(this.ctx.overlay);
    this.ctx.overlay.append(
      renderLobbyRoom(this.ctx, session, {
        joinUrl: joinUrlFor(session.info.code),
        onLeave: () => this.leave(),
      }),
    );
    const again = focusId ? document.getElementById(focusId) : null;
    // First time: the facilitator's Start, a player's role picker, else the first control.
    const first = ['[data-testid="team-start"]', '#team-my-role', 'button']
      .map((q) => this.ctx.overlay.querySelector<HTMLElement>(q))
      .find(Boolean);
    (again ?? first)?.focus();
  }

  private leaveButton(): HTMLButtonElement {
    const b = el('button', {
      type: 'button',
      class: 'menu-button',
      'data-testid': 'team-leave',
      text: this.ctx.i18n.t('team.lobby.leave'),
    });
    b.addEventListener('click', () => this.leave());
    return b;
  }

  // ---- actions

  /** POST /api/sessions, then take the facilitator's seat with the token it returns. */
  private async create_(req: CreateRequest): Promise<void> {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    this.forms?.busy('create', true);
    this.forms?.say('create', '');
    let created: CreateSessionResponse;
    try {
      const res = await fetch('/api/sessions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(req),
      });
      const body = (await res.json().catch(() => ({}))) as
        CreateSessionResponse | { error?: { code?: string; message?: string } };
      if (!res.ok || !('code' in body)) {
        const err = 'error' in body ? body.error : undefined;
        this.forms?.busy('create', false);
        this.forms?.say(
          'create',
          t('team.lobby.createFailed', { detail: err?.message ?? `HTTP ${res.status}` }),
          true,
        );
        return;
      }
      created = body;
    } catch (err) {
      this.forms?.busy('create', false);
      this.forms?.say(
        'create',
        t('team.lobby.serverUnreachable', {
          detail: err instanceof Error ? err.message : String(err),
        }),
        true,
      );
      return;
    }
    if (!this.scene.isActive()) return;
    writeSeat({ token: created.facilitatorToken, code: created.code, kind: 'facilitator' });
    this.connect({ resume: { token: created.facilitatorToken } }, true);
  }

  /**
   * Opens the connection. The first welcome loads the level and builds the seat's TeamSession;
   * frames that arrive meanwhile are kept and handed to it in order.
   */
  private connect(auth: SeatAuth, resuming: boolean): void {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    this.forms?.busy('join', true);
    const client = new SessionClient({ url: wsUrlFor(window.location), auth });
    this.client = client;
    // The lockstep glue listens from the first frame on: it loads the session's level on the
    // welcome and queues the log and clock frames meanwhile. `ready` says when its run exists:
    // resolved in a task after the loader's promise, so after the glue's own continuation.
    let loaded: (ok: true | string) => void = () => undefined;
    const ready = new Promise<true | string>((r) => (loaded = r));
    const net = new TeamLink(client, {
      loadLevel: async (id) => {
        const r = await loadLevel(id);
        setTimeout(() => loaded(r.ok ? true : r.error), 0);
        if (!r.ok) throw new Error(r.error);
        return r.level;
      },
      // A copy that differs from the server's (by SHA-256) is refused with the reason; the
      // first answer wins, so this one comes before the loader's own.
      onLevelError: (err) => loaded(err instanceof Error ? err.message : String(err)),
    });
    this.net = net;
    const early: ServerMessage[] = [];
    let welcomed = false;
    this.clientCleanups.push(
      client.on('token', ({ token }) => {
        if ('join' in auth)
          writeSeat({
            token,
            code: auth.join.room,
            kind: auth.join.as,
          });
      }),
      client.on('welcome', (m) => {
        if (welcomed) return;
        welcomed = true;
        void this.welcomed(client, net, ready, m, early);
      }),
      client.on('fatal', ({ code, text }) => {
        if (this.session) return;
        if (SEAT_GONE.has(code) || !resuming) clearSeat();
        this.disconnect();
        this.message = serverText(this.ctx.i18n.language, text);
        this.render();
      }),
      client.on('status', ({ state, attempt }) => {
        // Joining a server that is not there: say so instead of retrying silently.
        if (!welcomed && state === 'reconnecting' && attempt >= 2 && !resuming) {
          this.disconnect();
          this.forms?.busy('join', false);
          this.forms?.say(
            'join',
            t('team.lobby.serverUnreachable', { detail: wsUrlFor(window.location) }),
            true,
          );
        }
      }),
      ...EARLY_FRAMES.map((type) =>
        client.on(type, (m: ServerMessage) => {
          if (welcomed && !this.session) early.push(m);
        }),
      ),
    );
    client.connect();
    if (resuming) this.render();
  }

  private async welcomed(
    client: SessionClient,
    net: TeamLink,
    ready: Promise<true | string>,
    welcome: Welcome,
    early: ServerMessage[],
  ): Promise<void> {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const loaded = await ready;
    if (!this.scene.isActive() || this.client !== client) return;
    if (loaded !== true || !net.follower) {
      clearSeat();
      this.disconnect();
      this.message = loaded === true ? t('team.lobby.levelMissing') : loaded;
      this.render();
      return;
    }
    if (welcome.session.state === 'ended') {
      clearSeat();
      this.disconnect();
      this.message = t('team.console.ended');
      this.render();
      return;
    }
    // From here the session listens to the client itself; the early frames go in first.
    this.clientCleanups.splice(0).forEach((c) => c());
    this.ctx.flow.send({ type: 'team.join', link: net, welcome, early });
    const session = this.session;
    if (!session) {
      this.disconnect();
      this.message = this.ctx.flow.getSnapshot().context.sessionError;
      this.render();
      return;
    }
    this.cleanups.push(session.onChange(() => this.onSessionChange()));
    this.ctx.audio.play('confirm');
    this.onSessionChange();
  }

  private onSessionChange(): void {
    const session = this.session;
    if (!session || !this.scene.isActive()) return;
    if (session.removed || session.status === 'closed') {
      const notice = session.notice;
      clearSeat();
      this.disconnect();
      if (notice)
        this.message = notice.text
          ? serverText(this.ctx.i18n.language, notice.text)
          : this.ctx.i18n.t(notice.key);
      this.render();
      return;
    }
    // Ended before it started for this seat (the facilitator ended it, or it expired).
    if (session.endedBy || session.info.state === 'ended') {
      clearSeat();
      this.disconnect();
      this.message = this.ctx.i18n.t('team.console.ended');
      this.render();
      return;
    }
    if (session.info.state === 'running') {
      this.handedOver = true;
      this.ctx.flow.send({ type: 'team.start' });
      return;
    }
    this.renderRoom();
  }

  /** Closes the connection and everything listening to it (the seat token is the caller's). */
  private disconnect(): void {
    this.clientCleanups.splice(0).forEach((c) => c());
    // The machine disposes of the seat (it made it); the link and client are this screen's.
    if (this.session) this.ctx.flow.send({ type: 'team.leave' });
    this.net?.dispose();
    this.client?.close();
    this.net = undefined;
    this.client = undefined;
  }

  /** Gives up the seat: the token is forgotten and the connection closed. */
  private leave(): void {
    this.ctx.audio.play('click');
    clearSeat();
    this.disconnect();
    this.render();
  }

  private back(): void {
    this.ctx.audio.play('click');
    this.ctx.flow.send({ type: 'nav.back' });
  }
}

/** The link a phone opens to join: this page with `?join=CODE`. */
export function joinUrlFor(code: string): string {
  const url = new URL(window.location.href);
  url.search = `?join=${encodeURIComponent(code)}`;
  url.hash = '';
  return url.toString();
}
