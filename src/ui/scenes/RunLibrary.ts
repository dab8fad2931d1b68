import { Scene } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { mountHtmlScreen } from './htmlScreen';
import { clear, el } from '../dom';
import { formatKstTime, formatNumber } from '../format';
import { levelHash } from '../../game';
import { loadLevelSummaries, type LevelSummary } from '../levelCatalog';
import { loadLevel } from '../session/levels';
import { runLibrary, type StoredRun } from '../session/runLibrary';
import { importRunText } from '../session/runImport';
import { saveFile } from '../saveFile';

/**
 * RunLibrary ("Replays"): the run files kept on this device, newest first, each with its verified
 * score or why it is unverified; watch (the replay viewer), export, delete, submit to the server;
 * import by file picker or by dropping files on the panel.
 */
export class RunLibrary extends Scene {
  private ctx: UiContext;
  private runs: StoredRun[] | undefined;
  private loadError?: string;
  private summaries: LevelSummary[] = [];
  private summariesLoaded: Promise<void> = Promise.resolve();
  /** Per-run status lines (submission results), kept across re-renders. */
  private status = new Map<number, string>();
  /** The last import or delete message (also announced). */
  private message = '';
  /** Once the list has been shown, re-renders keep focus where the player left it. */
  private focusSettled = false;

  constructor() {
    super('RunLibrary');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.cameras.main.setBackgroundColor('#0b1320');
    this.runs = undefined;
    this.loadError = undefined;
    this.status = new Map();
    this.message = '';
    this.focusSettled = false;
    mountHtmlScreen(this, this.ctx, {
      render: () => this.render(),
      onEscape: () => this.ctx.flow.send({ type: 'nav.back' }),
    });
    this.render();
    this.summariesLoaded = loadLevelSummaries().then(
      (list) => {
        this.summaries = list;
        if (this.scene.isActive()) this.render();
      },
      () => undefined,
    );
    void this.reload();
  }

  private async reload(focus?: string): Promise<void> {
    try {
      // The list names each run's level by its title: it is drawn once the titles are in (the
      // level files are local, precached), never first with bare ids.
      const [runs] = await Promise.all([runLibrary.list(), this.summariesLoaded]);
      this.runs = runs;
      this.loadError = undefined;
    } catch (err) {
      this.runs = [];
      this.loadError = err instanceof Error ? err.message : String(err);
    }
    if (this.scene.isActive()) this.render(focus);
  }

  private say(message: string): void {
    this.message = message;
    const live = this.ctx.overlay.querySelector('[data-testid="runs-message"]');
    if (live) live.textContent = message;
  }

  private render(focus?: string): void {
    const { i18n, audio, flow } = this.ctx;
    const t = i18n.t.bind(i18n);
    const lang = i18n.language === 'ko' ? 'ko' : 'en';
    const active = document.activeElement as HTMLElement | null;
    const keepFocus =
      focus ?? (this.focusSettled && this.ctx.overlay.contains(active) ? active?.id : undefined);
    clear(this.ctx.overlay);

    const back = el('button', {
      class: 'menu-button',
      type: 'button',
      id: 'runs-back',
      'data-testid': 'runs-back',
      text: t('runs.back'),
    });
    back.addEventListener('click', () => {
      audio.play('click');
      flow.send({ type: 'nav.back' });
    });

    const input = el('input', {
      id: 'runs-import',
      type: 'file',
      accept: '.json,application/json',
      multiple: true,
      'data-testid': 'runs-import',
    });
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])];
      input.value = '';
      void this.importFiles(files);
    });

    const runs = this.runs;
    const items =
      runs === undefined
        ? [el('p', { class: 'hint', text: this.loadError ?? t('runs.loading') })]
        : runs.length === 0
          ? [el('p', { class: 'hint', 'data-testid': 'runs-empty', text: t('runs.empty') })]
          : runs.map((r) => this.item(r, lang));

    const panel = el(
      'section',
      { class: 'panel run-library', 'aria-labelledby': 'runs-heading', 'data-testid': 'runs' },
      el('h1', { id: 'runs-heading', text: t('runs.heading') }),
      el('p', { class: 'hint', text: t('runs.intro') }),
      this.loadError
        ? el('p', {
            class: 'run-error',
            role: 'alert',
            text: t('runs.unavailable', { reason: this.loadError }),
          })
        : null,
      el(
        'div',
        { class: 'run-import' },
        el('label', { for: 'runs-import', class: 'run', text: t('runs.import') }),
        input,
        el('span', { class: 'hint', text: t('runs.dropHint') }),
      ),
      el('p', {
        class: 'run-message',
        role: 'status',
        'aria-live': 'polite',
        'data-testid': 'runs-message',
        text: this.message,
      }),
      el('ul', { class: 'run-list', 'data-testid': 'run-list' }, ...items),
      back,
    );
    panel.addEventListener('dragover', (e) => {
      e.preventDefault();
      panel.classList.add('dragging');
    });
    panel.addEventListener('dragleave', () => panel.classList.remove('dragging'));
    panel.addEventListener('drop', (e) => {
      e.preventDefault();
      panel.classList.remove('dragging');
      void this.importFiles([...(e.dataTransfer?.files ?? [])]);
    });
    this.ctx.overlay.append(panel);
    const target = keepFocus ? document.getElementById(keepFocus) : null;
    (target ?? panel.querySelector<HTMLElement>('.run-list button') ?? input).focus();
    if (runs !== undefined) this.focusSettled = true;
  }

  private item(r: StoredRun, lang: 'ko' | 'en'): HTMLElement {
    const { i18n, audio } = this.ctx;
    const t = i18n.t.bind(i18n);
    const levelId = r.runFile.level.id;
    const title = this.summaries.find((s) => s.id === levelId)?.title[lang] ?? levelId;
    const date = new Intl.DateTimeFormat(lang === 'ko' ? 'ko-KR' : 'en-GB', {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(new Date(r.savedAt));
    const button = (action: string, label: string, onPress: () => void) => {
      const b = el('button', {
        type: 'button',
        class: 'run',
        id: `run-${r.id}-${action}`,
        'data-action': action,
        'data-run': r.id,
        'aria-label': `${label} — ${title}, ${date}`,
        text: label,
      });
      b.addEventListener('click', () => {
        audio.play('click');
        onPress();
      });
      return b;
    };
    return el(
      'li',
      { class: 'run-item', 'data-run': r.id, 'data-testid': 'run-item' },
      el('strong', { class: 'run-title', text: title }),
      el(
        'span',
        { class: 'hint' },
        [
          date,
          t('runs.seed', { seed: r.runFile.seed }),
          r.source === 'played'
            ? t('runs.played')
            : t('runs.imported', { file: r.fileName ?? '?' }),
          ...(r.runFile.parent
            ? [t('replay.forkOf', { time: formatKstTime(i18n, r.runFile.parent.tick) })]
            : []),
        ].join(' · '),
      ),
      r.verified.ok
        ? el('span', {
            class: 'run-score',
            'data-testid': 'run-score',
            text: t('runs.score', { score: formatNumber(i18n, r.verified.score, 1) }),
          })
        : el('span', {
            class: 'run-unverified',
            'data-testid': 'run-unverified',
            text: t('runs.unverified', { reason: this.verifyReason(r.verified) }),
          }),
      el(
        'div',
        { class: 'run-actions' },
        button('export', t('runs.export'), () => this.exportRun(r)),
        // Only a verified run is replayed: its log is known to re-simulate on this level.
        r.verified.ok ? button('watch', t('replay.watch'), () => void this.watch(r)) : null,
        button('submit', t('runs.submit'), () => void this.submit(r)),
        button('delete', t('runs.delete'), () => void this.remove(r)),
      ),
      el('span', {
        class: 'hint run-status',
        role: 'status',
        'data-testid': 'run-status',
        text: this.status.get(r.id) ?? '',
      }),
    );
  }

  /** Opens the run in the replay viewer (re-simulated once, with snapshots for seeking). */
  private async watch(r: StoredRun): Promise<void> {
    const { i18n, audio, flow } = this.ctx;
    const t = i18n.t.bind(i18n);
    this.setStatus(r.id, t('replay.opening'));
    // Let the message paint: building the timeline re-simulates the whole run.
    await new Promise((resolve) => setTimeout(resolve, 30));
    try {
      const loaded = await loadLevel(r.runFile.level.id);
      if (!loaded.ok) throw new Error(loaded.error);
      const hash = levelHash(loaded.level);
      if (hash !== r.runFile.level.sha256)
        throw new Error(
          `level hash mismatch: run file has ${r.runFile.level.sha256.slice(0, 12)}…, level ${hash.slice(0, 12)}…`,
        );
      if (!this.scene.isActive()) return;
      // The machine builds the viewer's session (re-simulating the run) and opens it; if that
      // fails it stays here and says why.
      flow.send({ type: 'replay.open', level: loaded.level, file: r.runFile, storedId: r.id });
      const after = flow.getSnapshot();
      if (after.matches('runs')) throw new Error(after.context.sessionError ?? 'not opened');
    } catch (err) {
      audio.play('reject');
      this.setStatus(
        r.id,
        t('replay.openFailed', { reason: err instanceof Error ? err.message : String(err) }),
      );
    }
  }

  /** Why a run did not verify: the failure in the player's language, then its detail. */
  private verifyReason(v: { reason: string; code?: string }): string {
    const key = `runs.verifyCodes.${v.code}`;
    return v.code && this.ctx.i18n.exists(key) ? `${this.ctx.i18n.t(key)} — ${v.reason}` : v.reason;
  }

  private exportRun(r: StoredRun): void {
    const name = `1-25-${r.runFile.level.id}-${r.runFile.seed}-run.json`;
    saveFile(name, 'application/json', JSON.stringify(r.runFile, null, 2));
  }

  private async remove(r: StoredRun): Promise<void> {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    if (!window.confirm(t('runs.deleteConfirm'))) return;
    await runLibrary.delete(r.id);
    this.status.delete(r.id);
    this.message = t('runs.deleted');
    await this.reload('runs-import');
  }

  private setStatus(id: number, text: string): void {
    this.status.set(id, text);
    const line = this.ctx.overlay.querySelector(
      `[data-testid="run-item"][data-run="${id}"] [data-testid="run-status"]`,
    );
    if (line) line.textContent = text;
  }

  /** POST /api/runs: the server re-simulates the file and answers with its own score. */
  private async submit(r: StoredRun): Promise<void> {
    const { i18n } = this.ctx;
    const t = i18n.t.bind(i18n);
    this.setStatus(r.id, t('runs.submitting'));
    let res: Response;
    try {
      res = await fetch('/api/runs', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(r.runFile),
      });
    } catch {
      this.setStatus(r.id, t('runs.unreachable'));
      return;
    }
    let body: { score?: number; duplicate?: boolean; error?: { code?: string; message?: string } } =
      {};
    try {
      body = (await res.json()) as typeof body;
    } catch {
      // Not JSON (no API here, or a proxy's page): reported by status below.
    }
    const score = formatNumber(i18n, body.score ?? 0, 1);
    const reason = body.error
      ? `${body.error.code ?? ''}: ${body.error.message ?? ''}`
      : res.statusText;
    this.setStatus(
      r.id,
      res.status === 201
        ? t('runs.submitted', { score })
        : res.status === 200 && typeof body.score === 'number'
          ? t('runs.submitDuplicate', { score })
          : res.status === 422
            ? t('runs.submitRefused', { reason })
            : t('runs.submitFailed', { status: res.status, reason }),
    );
  }

  /** Reads, verifies and stores dropped or picked files, one by one. */
  private async importFiles(files: File[]): Promise<void> {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const messages: string[] = [];
    for (const file of files) {
      this.say(t('runs.importing', { file: file.name }));
      // Let the message paint before verification (a long run takes a moment to re-simulate).
      await new Promise((resolve) => setTimeout(resolve, 0));
      const result = await importRunText(await file.text(), loadLevel);
      if (!result.ok) {
        messages.push(
          t(result.problem === 'notJson' ? 'runs.notJson' : 'runs.notRunFile', {
            file: file.name,
            reason: result.reason,
          }),
        );
        continue;
      }
      try {
        await runLibrary.put(result.runFile, {
          source: 'imported',
          verified: result.verified,
          fileName: file.name,
        });
      } catch (err) {
        messages.push(
          t('runs.unavailable', { reason: err instanceof Error ? err.message : String(err) }),
        );
        continue;
      }
      messages.push(
        result.verified.ok
          ? t('runs.importedOk', {
              file: file.name,
              score: formatNumber(this.ctx.i18n, result.verified.score, 1),
            })
          : t('runs.importedUnverified', {
              file: file.name,
              reason: this.verifyReason(result.verified),
            }),
      );
      this.ctx.audio.play(result.verified.ok ? 'confirm' : 'reject');
    }
    this.message = messages.join(' ');
    await this.reload('runs-import');
  }
}
