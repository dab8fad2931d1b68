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

export function mountReplayControls(
  host: HTMLElement,
  ctx: UiContext,
  session: ReplaySession,
): () => void {
  const { i18n, audio } = ctx;
  const t = i18n.t.bind(i18n);
  const tl = session.timeline;
  const span = Math.max(1, tl.endTick - tl.startTick);
  const pct = (tick: number) => `${(100 * (tick - tl.startTick)) / span}%`;
  const cleanups: (() => void)[] = [];

  // —— status line (announced) ——
  const status = el('p', {
    class: 'replay-status',
    role: 'status',
    'aria-live': 'polite',
    'data-testid': 'replay-status',
  });
  const say = (text: string) => (status.textContent = text);

  // —— play, speed, position ——
  const play = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'replay-play',
    'aria-keyshortcuts': 'Space K',
  });
  play.addEventListener('click', () => {
    audio.play('click');
    session.setPlaying(!session.isPlaying);
  });
  const speeds = REPLAY_SPEEDS.map((speed, i) => {
    const b = el('button', {
      type: 'button',
      class: 'tool',
      'data-speed': speed,
      'aria-keyshortcuts': String(i + 1),
      title: t('replay.speedOption', { speed }),
      text: `×${speed}`,
    });
    b.addEventListener('click', () => {
      audio.play('click');
      session.setSpeed(speed);
    });
    return b;
  });
  const position = el('span', { class: 'replay-position', 'data-testid': 'replay-position' });
  const takeOver = el('button', {
    type: 'button',
    class: 'tool replay-takeover',
    'data-testid': 'replay-takeover',
    title: t('replay.takeOverHint'),
    text: t('replay.takeOver'),
  });
  takeOver.addEventListener('click', () => takeOverHere());
  const ghostToggle = el('button', {
    type: 'button',
    class: 'tool',
    'data-testid': 'replay-ghost-toggle',
    'aria-expanded': 'false',
    'aria-controls': 'replay-ghost',
    'aria-keyshortcuts': 'G',
    title: t('replay.ghostHint'),
    text: t('replay.ghost'),
  });
  ghostToggle.addEventListener('click', () => toggleGhost());
  const forkNote = session.file.parent
    ? el('span', {
        class: 'hint',
        text: t('replay.forkOf', { time: formatKstTime(i18n, session.file.parent.tick) }),
      })
    : null;

  // —— the timeline ——
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
  let dragging = false;
  range.addEventListener('pointerdown', () => (dragging = true));
  const endDrag = () => (dragging = false);
  range.addEventListener('pointerup', endDrag);
  range.addEventListener('pointercancel', endDrag);
  range.addEventListener('input', () => seek(Number(range.value), false));
  range.addEventListener('change', () => {
    dragging = false;
    say(t('replay.sought', { time: formatKst(i18n, session.tick, false) }));
  });
  // Our own steps, the same in every browser: a minute, an hour, the ends.
  range.addEventListener('keydown', (e) => {
    const now = session.tick;
    const to =
      e.key === 'ArrowLeft' || e.key === 'ArrowDown'
        ? now - (e.shiftKey ? 10 * MINUTE : MINUTE)
        : e.key === 'ArrowRight' || e.key === 'ArrowUp'
          ? now + (e.shiftKey ? 10 * MINUTE : MINUTE)
          : e.key === 'PageDown'
            ? now - HOUR
            : e.key === 'PageUp'
              ? now + HOUR
              : e.key === 'Home'
                ? tl.startTick
                : e.key === 'End'
                  ? tl.endTick
                  : undefined;
    if (to === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    seek(to, true);
  });

  const detail = el('p', {
    class: 'replay-detail',
    'data-testid': 'replay-detail',
    'aria-live': 'polite',
  });
  const { decisions, events } = markersOf(ctx, session);
  const strip = (label: string, kind: string, markers: Marker[]) => {
    const row = el('div', {
      class: `replay-markers replay-markers-${kind}`,
      role: 'toolbar',
      'aria-label': `${label}. ${t('replay.markerHint')}`,
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
      b.style.left = pct(m.tick);
      const show = () => (detail.textContent = m.text);
      b.addEventListener('mouseenter', show);
      b.addEventListener('focus', show);
      b.addEventListener('click', () => {
        audio.play('click');
        seek(m.tick, true);
      });
      return b;
    });
    // One tab stop per strip; arrows move along it (roving tabindex).
    row.addEventListener('keydown', (e) => {
      const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
      if (i < 0) return;
      const j =
        e.key === 'ArrowRight' || e.key === 'ArrowDown'
          ? Math.min(buttons.length - 1, i + 1)
          : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
            ? Math.max(0, i - 1)
            : e.key === 'Home'
              ? 0
              : e.key === 'End'
                ? buttons.length - 1
                : -1;
      if (j < 0) return;
      e.preventDefault();
      e.stopPropagation();
      buttons[i]!.tabIndex = -1;
      buttons[j]!.tabIndex = 0;
      buttons[j]!.focus();
    });
    row.append(...buttons);
    return row;
  };
  const progress = el('div', { class: 'replay-progress', 'aria-hidden': 'true' });
  const timeline = el(
    'div',
    { class: 'replay-timeline' },
    strip(t('replay.decisions'), 'decision', decisions),
    el('div', { class: 'replay-track' }, progress, range),
    strip(t('replay.events'), 'event', events),
  );

  // —— the ghost ——
  const ghostBox = el('div', { id: 'replay-ghost', class: 'replay-ghost', hidden: true });
  let ghost: GhostChart | undefined;
  let ghostLoading = false;
  const toggleGhost = () => {
    const open = ghostBox.hidden;
    ghostBox.hidden = !open;
    ghostToggle.setAttribute('aria-expanded', String(open));
    if (open && !ghost && !ghostLoading) {
      ghostLoading = true;
      clear(ghostBox);
      ghostBox.append(el('p', { class: 'hint', role: 'status', text: t('replay.ghostComputing') }));
      // Let the message paint: two more full runs of the level take a moment.
      setTimeout(() => {
        void import('./ghostChart').then(({ GhostChart }) => {
          if (disposed) return;
          const refs = referenceSeries(session.level, session.file.seed);
          clear(ghostBox);
          ghostBox.append(el('p', { class: 'hint', text: t('replay.ghostHint') }));
          ghost = new GhostChart(ctx, session.playerSeries, refs, bar.clientWidth || 960);
          ghostBox.append(ghost.root);
          ghost.setTick(session.tick);
          ghostLoading = false;
        });
      }, 30);
    }
  };

  const bar = el(
    'section',
    { class: 'replay-bar', 'aria-label': t('replay.controls'), 'data-testid': 'replay-controls' },
    el(
      'div',
      { class: 'replay-row' },
      el('strong', { text: t('replay.heading') }),
      play,
      el(
        'span',
        { class: 'speed-group', role: 'group', 'aria-label': t('replay.speed') },
        ...speeds,
      ),
      position,
      ghostToggle,
      takeOver,
      forkNote,
      status,
    ),
    timeline,
    detail,
    el('p', { class: 'hint replay-keys', text: t('replay.keys') }),
    ghostBox,
  );
  host.append(bar);
  // The top bar's way out leads back to the run library here, and says so (Ops sends nav.back).
  const quit = host.closest('[data-testid="ops"]')?.querySelector('[data-action="quit"]');
  if (quit) quit.textContent = t('replay.back');

  // —— keeping the controls in step ——
  const decisionsBefore = (tick: number) => tl.log.filter((c) => c.tick <= tick).length;
  const updatePlay = () => {
    play.textContent = session.isPlaying ? `❚❚ ${t('replay.pause')}` : `▶ ${t('replay.play')}`;
    play.setAttribute('aria-pressed', String(session.isPlaying));
    speeds.forEach((b) =>
      b.setAttribute('aria-pressed', String(Number(b.dataset.speed) === session.speed)),
    );
  };
  let lastFollow = -Infinity;
  const updateMoment = (force = false) => {
    const now = performance.now();
    if (!force && now - lastFollow < FOLLOW_EVERY_MS) return;
    lastFollow = now;
    const tick = session.tick;
    if (!dragging) range.value = String(tick);
    range.setAttribute(
      'aria-valuetext',
      t('replay.timelineValue', {
        time: formatKst(i18n, tick, false),
        decisions: decisionsBefore(tick),
      }),
    );
    progress.style.width = pct(tick);
    position.textContent = t('replay.position', {
      now: formatKst(i18n, tick),
      end: formatKstTime(i18n, tl.endTick),
    });
    takeOver.disabled = session.ended;
    takeOver.title = session.ended ? t('replay.takeOverEnded') : t('replay.takeOverHint');
    ghost?.setTick(tick);
  };
  updatePlay();
  updateMoment(true);

  const seek = (tick: number, announce: boolean) => {
    session.seek(Math.min(tl.endTick, Math.max(tl.startTick, tick)));
    updateMoment(true);
    if (announce) say(t('replay.sought', { time: formatKst(i18n, session.tick, false) }));
  };

  cleanups.push(
    session.onChange((what) => {
      if (what === 'play') {
        updatePlay();
        updateMoment(true);
      } else if (what === 'seek') {
        // The event log shows the moment sought to, not what was on screen before it.
        const feed = host.closest('[data-testid="ops"]')?.querySelector('[data-testid="feed"]');
        if (feed instanceof HTMLElement) clear(feed);
      } else updateMoment(!session.isPlaying);
    }),
  );

  const nextDecision = (dir: 1 | -1) => {
    const now = session.tick;
    const ticks = tl.log.map((c) => c.tick);
    const to = dir > 0 ? ticks.find((x) => x > now) : [...ticks].reverse().find((x) => x < now);
    if (to !== undefined) seek(to, true);
  };

  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    if (document.querySelector('dialog[open]')) return;
    const target = e.target as HTMLElement | null;
    const tag = target?.tagName;
    const textField =
      (tag === 'INPUT' && (target as HTMLInputElement).type !== 'range') ||
      tag === 'TEXTAREA' ||
      tag === 'SELECT' ||
      !!target?.isContentEditable;
    if (textField) return;
    const k = e.key;
    if ((k === ' ' && tag !== 'BUTTON') || k === 'k' || k === 'K') {
      session.setPlaying(!session.isPlaying);
    } else if (k >= '1' && k <= String(REPLAY_SPEEDS.length)) {
      session.setSpeed(REPLAY_SPEEDS[Number(k) - 1]!);
    } else if (k === '[') nextDecision(-1);
    else if (k === ']') nextDecision(1);
    else if (k === 'g' || k === 'G') toggleGhost();
    else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  cleanups.push(() => document.removeEventListener('keydown', onKey));

  let disposed = false;
  const takeOverHere = () => {
    if (session.ended) {
      audio.play('reject');
      say(t('replay.takeOverEnded'));
      return;
    }
    audio.play('confirm');
    // The machine forks the run at the moment shown into a new solo session and disposes of this
    // one; Ops then rebuilds for it, its feed opening with where the fork came from.
    ctx.flow.send({ type: 'replay.fork' });
  };

  return () => {
    disposed = true;
    cleanups.splice(0).forEach((c) => c());
    ghost?.destroy();
    bar.remove();
  };
}
