import { Scene, Loader } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { CUES, CUE_NAMES } from '../../audio/cues';
import { showLoadError } from '../panels/loadError';
import { describeWavProblem } from '../wavCheck';
import { loadFontGlyphs } from '../fontGlyphs';
import { MAP_KOREA, MAP_WORLD } from '../map/assets';

const BAR_W = 520;
const BAR_H = 18;

/**
 * Preloader: loads every asset with a progress bar, checks what arrived, waits for the Korean and
 * Latin glyphs of the bundled font, then tells the app-flow machine. A file that fails is named on
 * screen (never a black screen).
 */
export class Preloader extends Scene {
  private ctx: UiContext;
  private failed = false;

  constructor() {
    super('Preloader');
  }

  init(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    this.failed = false;
  }

  preload(): void {
    const { width, height } = this.scale;
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    const x = (width - BAR_W) / 2;
    const y = height / 2;
    this.add.rectangle(width / 2, y, BAR_W + 6, BAR_H + 6).setStrokeStyle(2, 0x56b4e9);
    const bar = this.add.rectangle(x, y, 1, BAR_H, 0x56b4e9).setOrigin(0, 0.5);
    const label = this.add
      .text(width / 2, y + 34, t('loading.label', { percent: 0 }), {
        fontFamily: 'Noto Sans KR, sans-serif',
        fontSize: '18px',
        color: '#e8eef6',
      })
      .setOrigin(0.5, 0);

    this.load.on(Loader.Events.PROGRESS, (value: number) => {
      bar.width = Math.max(1, BAR_W * value);
      label.setText(t('loading.label', { percent: Math.round(value * 100) }));
      this.ctx.flow.send({ type: 'assets.progress', progress: value });
    });
    this.load.on(Loader.Events.FILE_LOAD_ERROR, (file: Loader.File) => {
      const status = file.xhrLoader?.status;
      this.fail(
        file.src ?? file.url?.toString() ?? file.key,
        status ? `HTTP ${status}` : 'network error',
      );
    });

    for (const cue of CUE_NAMES) this.load.binary(`cue:${cue}`, CUES[cue].file);
    // Map data (Natural Earth via world-atlas, extracted by scripts/make-map.ts).
    this.load.json(MAP_KOREA, 'map/korea-10m.geo.json');
    this.load.json(MAP_WORLD, 'map/world-110m.geo.json');
  }

  async create(): Promise<void> {
    if (this.failed) return;
    for (const key of [MAP_KOREA, MAP_WORLD]) {
      const geo = this.cache.json.get(key) as { type?: string; features?: unknown[] } | undefined;
      if (geo?.type !== 'FeatureCollection' || !Array.isArray(geo.features)) {
        return this.fail(
          key === MAP_KOREA ? 'map/korea-10m.geo.json' : 'map/world-110m.geo.json',
          'not GeoJSON',
        );
      }
    }
    for (const cue of CUE_NAMES) {
      const bytes = this.cache.binary.get(`cue:${cue}`) as ArrayBuffer | undefined;
      const problem = describeWavProblem(bytes);
      if (problem) return this.fail(CUES[cue].file, problem);
      const url = URL.createObjectURL(new Blob([bytes as ArrayBuffer], { type: 'audio/wav' }));
      this.ctx.audio.register(cue, url);
    }
    try {
      await loadFontGlyphs(this.ctx.i18n);
    } catch {
      // A font that cannot load falls back to the system font; the game stays usable.
    }
    if (!this.failed) this.ctx.flow.send({ type: 'assets.loaded' });
  }

  private fail(file: string, reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.load.reset();
    this.ctx.flow.send({ type: 'assets.failed', file, reason });
    showLoadError(this.ctx, { file, reason });
    this.add
      .text(this.scale.width / 2, this.scale.height / 2 - 60, `⚠ ${file}`, {
        fontFamily: 'Noto Sans KR, sans-serif',
        fontSize: '20px',
        color: '#ffb27a',
      })
      .setOrigin(0.5);
  }
}
