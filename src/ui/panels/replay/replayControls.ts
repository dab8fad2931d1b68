// The replay viewer's controls, in the Ops layout's session bar: play/pause and speed, a timeline
// of the whole run (a range input: arrows, PageUp/PageDown, Home/End) with decision markers above
// (each logged command and the role that sent it) and the injects and the real day's events below,
// the ghost comparison chart, and "Take over from here". Everything shown is read from the
// timeline the game core re-simulated; the controls only seek, play and fork.
import { isoToTick, referenceSeries, type LoggedCommand } from '../../../game';
import type { UiContext } from '../../context';
import { clear, el } from '../../dom';
import { formatKst, formatKstTime, local } from '../../format';
import { contactLabel, deviceLabel, staffLabel } from '../ops/labels';
import type { GhostChart } from './ghostChart';
// (ghostChart, with uPlot, loads only when the comparison is first opened.)
import { REPLAY_SPEEDS, type ReplaySession } from '../../session/replaySession';
import './replay.css';

const MINUTE = 60;
const HOUR = 3600;
/** How often the timeline and chart follow playback (the map follows every frame anyway). */
const FOLLOW_EVERY_MS = 200;

interface Marker {
  tick: number;
  kind: 'decision' | 'inject' | 'real';
  /** data-role for decisions (colour per role), the inject id, or the event index. */
  tag: string;
  text: string;
}

/** The command's target in words: the device, person or addressee it names. */
function argsText(ctx: UiContext, s: ReplaySession, c: LoggedCommand): string {
  const a = c.args;
  const t = ctx.i18n.t.bind(ctx.i18n);
  const parts: string[] = [];
  for (const key of ['device', 'link', 'segment', 'cluster', 'from'] as const)
    if (typeof a[key] === 'string') parts.push(deviceLabel(ctx, s.level, a[key]));
  if (typeof a.to === 'string')
    parts.push(
      c.type === 'dns.moveResolution'
        ? deviceLabel(ctx, s.level, a.to)
        : contactLabel(ctx, s.level, a.to),
    );
  if (typeof a.staff === 'string') parts.push(staffLabel(ctx, s.level, a.staff));
  if (typeof a.direction === 'string') parts.push(t(`directions.${a.direction}`));
  if (typeof a.servers === 'number') parts.push(`+${a.servers}`);
  if (typeof a.speed === 'number') parts.push(`×${a.speed}`);
  if (typeof a.text === 'string') parts.push(`“${a.text.slice(0, 60)}”`);
  if (c.type === 'inject.answer' && typeof a.inject === 'string') {
    const inj = s.level.injects.find((x) => x.id === a.inject);
    const choice = inj?.choices.find((x) => x.id === a.choice);
    parts.push(choice ? local(ctx.i18n, choice.label) : String(a.choice ?? ''));
  }
  if (c.type === 'inject.extend' && typeof a.inject === 'string') {
    const inj = s.level.injects.find((x) => x.id === a.inject);
    parts.push(inj ? local(ctx.i18n, inj.subject) : a.inject);
  }
  if (c.type === 'clock.pause' && typeof a.situation === 'string') {
    const inj = s.level.injects.find((x) => x.id === a.situation);
    parts.push(inj ? local(ctx.i18n, inj.subject) : a.situation);
  }
  if (typeof a.minutes === 'number') parts.push(t('ops.extend', { minutes: a.minutes }));
  return parts.length ? ` — ${parts.join(', ')}` : '';
}

function markersOf(ctx: UiContext, s: ReplaySession): { decisions: Marker[]; events: Marker[] } {
  const t = ctx.i18n.t.bind(ctx.i18n);
  const time = (tick: number) => formatKstTime(ctx.i18n, tick);
  const decisions = s.timeline.log.map((c): Marker => ({
    tick: c.tick,
    kind: 'decision',
    tag: c.role,
    text: t('replay.decision', {
      time: time(c.tick),
      role: t(`replay.roles.${c.role}`, { defaultValue: c.role }),
      command:
        t(`cmd.${c.type}`, { defaultValue: c.type }) +
        argsText(ctx, s, c) +
        // A team session's bot is marked as in the live feed.
        (c.bot ? ` ${t('replay.byBot', { kind: c.bot })}` : ''),
    }),
  }));
  // Injects as they fired in this run: the state at the end knows every fired tick.
  const end = s.timeline.seek(s.timeline.endTick).run.state;
  const injects = end.injects
    .filter((i) => i.firedTick !== null)
    .map((i): Marker => {
      const def = s.level.injects.find((d) => d.id === i.id);
      return {
        tick: i.firedTick!,
        kind: 'inject',
        tag: i.id,
        text: t('replay.inject', {
          time: time(i.firedTick!),
          subject: def ? local(ctx.i18n, def.subject) : i.id,
        }),
      };
    });
  const real = s.level.history.timeline.flatMap((e, i): Marker[] => {
    const tick = isoToTick(e.at);
    if (tick === undefined || tick < s.timeline.startTick || tick > s.timeline.endTick) return [];
    return [
      {
        tick,
        kind: 'real',
        tag: String(i),
        text: t('replay.realEvent', { time: time(tick), text: local(ctx.i18n, e.text) }),
      },
    ];
  });
  const events = [...injects, ...real].sort((a, b) => a.tick - b.tick);
  return { decisions, events };
}

/** Where a key moves the scrubber from `now`: our own steps, the same in every browser (a
 *  minute, ten with Shift, an hour, the ends); undefined for any other key. */
export function scrubberStep(
  key: string,
  shift: boolean,
  now: number,
  span: { startTick: number; endTick: number },
): number | undefined {
  const small = shift ? 10 * MINUTE : MINUTE;
  if (key === 'ArrowLeft' || key === 'ArrowDown') return now - small;
  if (key === 'ArrowRight' || key === 'ArrowUp') return now + small;
  if (key === 'PageDown') return now - HOUR;
  if (key === 'PageUp') return now + HOUR;
  if (key === 'Home') return span.startTick;
  if (key === 'End') return span.endTick;
  return undefined;
}

/** The roving tab stop's next index along a strip of `n` buttons, or -1 for a key it ignores. */
export function rovingStep(key: string, i: number, n: number): number {
  if (key === 'ArrowRight' || key === 'ArrowDown') return Math.min(n - 1, i + 1);
  if (key === 'ArrowLeft' || key === 'ArrowUp') return Math.max(0, i - 1);
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  return -1;
}

/** Whether a key press belongs to a field the player types in (the range input does not). */
function typingIn(target: HTMLElement | null): boolean {
  const tag = target?.tagName;
  return (
    (tag === 'INPUT' && (target as HTMLInputElement).type !== 'range') ||
    tag === 'TEXTAREA' ||
    tag === 'SELECT' ||
    !!target?.isContentEditable
  );
}

/** What the pieces of the bar need from it. */
interface BarKit {
  ctx: UiContext;
  session: ReplaySession;
  t: UiContext['i18n']['t'];
  /** A tick's place along the timeline, as a CSS percentage. */
  pct(tick: number): string;
  seek(tick: number, announce: boolean): void;
  say(text: string): void;
}

/** Play/pause, the speeds, the position, the ghost toggle, "Take over" and the fork's origin. */
function playRow(kit: BarKit, onGhost: () => void, onTakeOver: () => void) {
  const { ctx, session, t } = kit;
  const tool = (attrs: Record<string, string | number>, onClick: () => void) => {
    const b = el('button', { type: 'button', class: 'tool', ...attrs });
    b.addEventListener('click', onClick);
    return b;
  };
  const play = tool({ 'data-testid': 'replay-play', 'aria-keyshortcuts': 'Space K' }, () => {
    ctx.audio.play('click');
    session.setPlaying(!session.isPlaying);
  });
  const speeds = REPLAY_SPEEDS.map((speed, i) =>
    tool(
      {
        'data-speed': speed,
        'aria-keyshortcuts': String(i + 1),
        title: t('replay.speedOption', { speed }),
        text: `×${speed}`,
      },
      () => {
        ctx.audio.play('click');
        session.setSpeed(speed);
      },
    ),
  );
  const position = el('span', { class: 'replay-position', 'data-testid': 'replay-position' });
  const takeOver = tool(
    {
      class: 'tool replay-takeover',
      'data-testid': 'replay-takeover',
      title: t('replay.takeOverHint'),
      text: t('replay.takeOver'),
    },
    onTakeOver,
  );
  const ghostToggle = tool(
    {
      'data-testid': 'replay-ghost-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'replay-ghost',
      'aria-keyshortcuts': 'G',
      title: t('replay.ghostHint'),
      text: t('replay.ghost'),
    },
    onGhost,
  );
  const parent = session.file.parent;
  const forkNote = parent
    ? el('span', {
        class: 'hint',
        text: t('replay.forkOf', { time: formatKstTime(ctx.i18n, parent.tick) }),
      })
    : null;
  const update = () => {
    play.textContent = session.isPlaying ? `❚❚ ${t('replay.pause')}` : `▶ ${t('replay.play')}`;
    play.setAttribute('aria-pressed', String(session.isPlaying));
    speeds.forEach((b) =>
      b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === session.speed)),
    );
  };
  return { play, speeds, position, takeOver, ghostToggle, forkNote, update };
}

/** The range input over the whole run; `dragging` while the pointer holds it. */
function scrubber(kit: BarKit) {
  const { ctx, session, t } = kit;
  const tl = session.timeline;
  const range = el('input', {
    type: 'range',
    id: 'replay-scrubber',
    class: 'replay-range',
    'data-testid': 'replay-scrubber',
    min: tl.startTick,
    max: tl.endTick,
    step: MINUTE,
    value: session.tick,
    'aria-label': t('replay.timeline'),
    'aria-keyshortcuts': 'ArrowLeft ArrowRight PageUp PageDown Home End',
  });
  const state = { range, dragging: false };
  range.addEventListener('pointerdown', () => (state.dragging = true));
  const endDrag = () => (state.dragging = false);
  range.addEventListener('pointerup', endDrag);
  range.addEventListener('pointercancel', endDrag);
  range.addEventListener('input', () => kit.seek(Number(range.value), false));
  range.addEventListener('change', () => {
    state.dragging = false;
    kit.say(t('replay.sought', { time: formatKst(ctx.i18n, session.tick, false) }));
  });
  range.addEventListener('keydown', (e) => {
    const to = scrubberStep(e.key, e.shiftKey, session.tick, tl);
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    kit.seek(to, true);
  });
  return state;
}

/** A toolbar of markers along the timeline (one tab stop; arrows move along it). */
function markerStrip(
  kit: BarKit,
  detail: HTMLElement,
  label: string,
  kind: string,
  markers: Marker[],
): HTMLElement {
  const row = el('div', {
    class: `replay-markers replay-markers-${kind}`,
    role: 'toolbar',
    'aria-label': `${label}. ${kit.t('replay.markerHint')}`,
    'data-testid': `replay-markers-${kind}`,
  });
  const buttons = markers.map((m, i) => {
    const b = el('button', {
      type: 'button',
      class: `replay-marker marker-${m.kind}`,
      'data-tick': m.tick,
      'data-tag': m.tag,
      'data-kind': m.kind,
      tabindex: i === 0 ? 0 : -1,
      title: m.text,
      'aria-label': m.text,
    });
    b.style.left = kit.pct(m.tick);
    const show = () => (detail.textContent = m.text);
    b.addEventListener('mouseenter', show);
    b.addEventListener('focus', show);
    b.addEventListener('click', () => {
      kit.ctx.audio.play('click');
      kit.seek(m.tick, true);
    });
    return b;
  });
  row.addEventListener('keydown', (e) => {
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (i < 0) return;
    const j = rovingStep(e.key, i, buttons.length);
    if (j < 0) return;
    e.preventDefault();
    e.stopPropagation();
    buttons[i]!.tabIndex = -1;
    buttons[j]!.tabIndex = 0;
    buttons[j]!.focus();
  });
  row.append(...buttons);
  return row;
}

/** The ghost comparison: computed and drawn the first time it is opened (uPlot comes with it). */
function ghostPanel(kit: BarKit, toggle: HTMLElement, widthOf: () => number) {
  const { ctx, session, t } = kit;
  const box = el('div', { id: 'replay-ghost', class: 'replay-ghost', hidden: true });
  let chart: GhostChart | undefined;
  let loading = false;
  let disposed = false;
  const open = () => {
    loading = true;
    clear(box);
    box.append(el('p', { class: 'hint', role: 'status', text: t('replay.ghostComputing') }));
    // Let the message paint: two more full runs of the level take a moment.
    setTimeout(() => {
      void import('./ghostChart').then(({ GhostChart }) => {
        if (disposed) return;
        const refs = referenceSeries(session.level, session.file.seed);
        clear(box);
        box.append(el('p', { class: 'hint', text: t('replay.ghostHint') }));
        chart = new GhostChart(ctx, session.playerSeries, refs, widthOf() || 960);
        box.append(chart.root);
        chart.setTick(session.tick);
        loading = false;
      });
    }, 30);
  };
  return {
    box,
    toggle: () => {
      const opening = box.hidden;
      box.hidden = !opening;
      toggle.setAttribute('aria-expanded', String(opening));
      if (opening && !chart && !loading) open();
    },
    setTick: (tick: number) => chart?.setTick(tick),
    dispose: () => {
      disposed = true;
      chart?.destroy();
    },
  };
}

/** The viewer's keys anywhere on the page: play, speeds, previous/next decision, the ghost. */
function replayKeys(
  session: ReplaySession,
  seek: (tick: number, announce: boolean) => void,
  toggleGhost: () => void,
): (e: KeyboardEvent) => void {
  const nextDecision = (dir: 1 | -1) => {
    const now = session.tick;
    const ticks = session.timeline.log.map((c) => c.tick);
    const to = dir > 0 ? ticks.find((x) => x > now) : [...ticks].reverse().find((x) => x < now);
    if (to !== undefined) seek(to, true);
  };
  return (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    const target = e.target as HTMLElement | null;
    if (typingIn(target)) return;
    const k = e.key;
    if ((k === ' ' && target?.tagName !== 'BUTTON') || k === 'k' || k === 'K') {
      session.setPlaying(!session.isPlaying);
    } else if (k >= '1' && k <= String(REPLAY_SPEEDS.length)) {
      session.setSpeed(REPLAY_SPEEDS[Number(k) - 1]!);
    } else if (k === '[') nextDecision(-1);
    else if (k === ']') nextDecision(1);
    else if (k === 'g' || k === 'G') toggleGhost();
    else return;
    e.preventDefault();
  };
}

/** Keeps the scrubber, progress, position, Take over and the ghost at the moment shown; at most
 *  every FOLLOW_EVERY_MS while playing unless forced. */
function momentFollower(
  kit: BarKit,
  row: ReturnType<typeof playRow>,
  scrub: ReturnType<typeof scrubber>,
  progress: HTMLElement,
  ghost: ReturnType<typeof ghostPanel>,
): (force?: boolean) => void {
  const { session, t } = kit;
  const { i18n } = kit.ctx;
  const tl = session.timeline;
  const decisionsBefore = (tick: number) => tl.log.filter((c) => c.tick <= tick).length;
  let lastFollow = -Infinity;
  return (force = false) => {
    const now = performance.now();
    if (!force && now - lastFollow < FOLLOW_EVERY_MS) return;
    lastFollow = now;
    const tick = session.tick;
    if (!scrub.dragging) scrub.range.value = String(tick);
    scrub.range.setAttribute(
      'aria-valuetext',
      t('replay.timelineValue', {
        time: formatKst(i18n, tick, false),
        decisions: decisionsBefore(tick),
      }),
    );
    progress.style.width = kit.pct(tick);
    row.position.textContent = t('replay.position', {
      now: formatKst(i18n, tick),
      end: formatKstTime(i18n, tl.endTick),
    });
    row.takeOver.disabled = session.ended;
    row.takeOver.title = session.ended ? t('replay.takeOverEnded') : t('replay.takeOverHint');
    ghost.setTick(tick);
  };
}

export function mountReplayControls(
  host: HTMLElement,
  ctx: UiContext,
  session: ReplaySession,
): () => void {
  const { i18n, audio } = ctx;
  const t = i18n.t.bind(i18n);
  const tl = session.timeline;
  const span = Math.max(1, tl.endTick - tl.startTick);
  const status = el('p', {
    class: 'replay-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'replay-status',
  });
  const kit: BarKit = {
    ctx,
    session,
    t,
    pct: (tick) => `${(100 * (tick - tl.startTick)) / span}%`,
    seek: (tick, announce) => {
      session.seek(Math.min(tl.endTick, Math.max(tl.startTick, tick)));
      updateMoment(true);
      if (announce) kit.say(t('replay.sought', { time: formatKst(i18n, session.tick, false) }));
    },
    say: (text) => (status.textContent = text),
  };
  const takeOverHere = () => {
    if (session.ended) {
      audio.play('reject');
      kit.say(t('replay.takeOverEnded'));
      return;
    }
    audio.play('confirm');
    // The machine forks the run at the moment shown into a new solo session and disposes of this
    // one; Ops then rebuilds for it, its feed opening with where the fork came from.
    ctx.flow.send({ type: 'replay.fork' });
  };
  const row = playRow(kit, () => ghost.toggle(), takeOverHere);
  const scrub = scrubber(kit);
  const ghost = ghostPanel(kit, row.ghostToggle, () => bar.clientWidth);
  const detail = el('p', {
    class: 'replay-detail',
    'data-testid': 'replay-detail',
    'aria-live': 'polite',
  });
  const { decisions, events } = markersOf(ctx, session);
  const progress = el('div', { class: 'replay-progress', 'aria-hidden': 'true' });
  const bar = el(
    'section',
    { class: 'replay-bar', 'aria-label': t('replay.controls'), 'data-testid': 'replay-controls' },
    el(
      'div',
      { class: 'replay-row' },
      el('strong', { text: t('replay.heading') }),
      row.play,
      el(
        'span',
        { class: 'speed-group', role: 'group', 'aria-label': t('replay.speed') },
        ...row.speeds,
      ),
      row.position,
      row.ghostToggle,
      row.takeOver,
      row.forkNote,
      status,
    ),
    el(
      'div',
      { class: 'replay-timeline' },
      markerStrip(kit, detail, t('replay.decisions'), 'decision', decisions),
      el('div', { class: 'replay-track' }, progress, scrub.range),
      markerStrip(kit, detail, t('replay.events'), 'event', events),
    ),
    detail,
    el('p', { class: 'hint replay-keys', text: t('replay.keys') }),
    ghost.box,
  );
  host.append(bar);
  // The top bar's way out leads back to the run library here, and says so (Ops sends nav.back).
  const quit = host.closest('[data-testid="ops"]')?.querySelector('[data-action="quit"]');
  if (quit) quit.textContent = t('replay.back');

  const updateMoment = momentFollower(kit, row, scrub, progress, ghost);
  row.update();
  updateMoment(true);

  const unsubscribe = session.onChange((what) => {
    if (what === 'play') {
      row.update();
      updateMoment(true);
    } else if (what === 'seek') {
      // The event log shows the moment sought to, not what was on screen before it.
      const feed = host.closest('[data-testid="ops"]')?.querySelector('[data-testid="feed"]');
      if (feed instanceof HTMLElement) clear(feed);
    } else updateMoment(!session.isPlaying);
  });
  const onKey = replayKeys(session, kit.seek, ghost.toggle);
  document.addEventListener('keydown', onKey);

  return () => {
    unsubscribe();
    document.removeEventListener('keydown', onKey);
    ghost.dispose();
    bar.remove();
  };
}
