import { Scene, GameObjects } from 'phaser';
import { UI_CONTEXT_KEY, type UiContext } from '../context';
import { renderTitleMenu } from '../panels/titleMenu';

const FONT = 'Noto Sans KR, sans-serif';

/**
 * Title: the game's name over a quiet network backdrop (packets drifting along links, still when
 * reduced motion is on); the menu and settings are HTML (renderTitleMenu).
 */
export class Title extends Scene {
  private ctx: UiContext;
  private texts: { title: GameObjects.Text; subtitle: GameObjects.Text; tagline: GameObjects.Text };
  private packets: {
    dot: GameObjects.Arc;
    from: [number, number];
    to: [number, number];
    phase: number;
  }[] = [];
  private unsubscribe: (() => void)[] = [];

  constructor() {
    super('Title');
  }

  create(): void {
    this.ctx = this.registry.get(UI_CONTEXT_KEY) as UiContext;
    const { width, height } = this.scale;
    this.cameras.main.setBackgroundColor('#0b1320');
    this.drawBackdrop(width, height);

    this.texts = {
      title: this.add.text(80, height * 0.2, '', {
        fontFamily: FONT,
        fontSize: '120px',
        fontStyle: '700',
        color: '#e8eef6',
      }),
      subtitle: this.add.text(86, height * 0.2 + 150, '', {
        fontFamily: FONT,
        fontSize: '34px',
        fontStyle: '700',
        color: '#56b4e9',
      }),
      tagline: this.add.text(86, height * 0.2 + 205, '', {
        fontFamily: FONT,
        fontSize: '20px',
        color: '#9fb3c8',
        wordWrap: { width: width * 0.5 },
      }),
    };
    this.refreshTexts();

    const onLanguage = () => {
      document.documentElement.lang = this.ctx.i18n.language;
      this.refreshTexts();
      renderTitleMenu(this.ctx);
    };
    this.ctx.i18n.on('languageChanged', onLanguage);
    this.unsubscribe.push(() => this.ctx.i18n.off('languageChanged', onLanguage));
    this.unsubscribe.push(
      this.ctx.settings.subscribe((s) => {
        this.ctx.audio.setVolume(s.volume);
        this.ctx.audio.setMuted(s.muted);
      }),
    );
    const onResize = () => this.scene.restart();
    this.scale.once('resize', onResize);
    this.unsubscribe.push(() => this.scale.off('resize', onResize));
    this.events.once('shutdown', () => this.unsubscribe.splice(0).forEach((u) => u()));

    renderTitleMenu(this.ctx);
    window.__titleInteractiveAt ??= performance.now();
  }

  override update(_time: number, delta: number): void {
    if (this.ctx.settings.get().reducedMotion) return;
    for (const p of this.packets) {
      p.phase = (p.phase + delta / 2600) % 1;
      p.dot.setPosition(
        p.from[0] + (p.to[0] - p.from[0]) * p.phase,
        p.from[1] + (p.to[1] - p.from[1]) * p.phase,
      );
    }
  }

  private refreshTexts(): void {
    const t = this.ctx.i18n.t.bind(this.ctx.i18n);
    this.texts.title.setText(t('app.title'));
    this.texts.subtitle.setText(t('app.subtitle'));
    this.texts.tagline.setText(t('app.tagline'));
  }

  /** A fixed, abstract mesh of nodes and links (no randomness: the title looks the same each time). */
  private drawBackdrop(width: number, height: number): void {
    const g = this.add.graphics();
    g.lineStyle(1, 0x1d3656, 1);
    for (let x = 0; x < width; x += 40) g.lineBetween(x, 0, x, height);
    for (let y = 0; y < height; y += 40) g.lineBetween(0, y, width, y);
    const nodes: [number, number][] = [];
    for (let i = 0; i < 14; i++) {
      nodes.push([
        width * (0.52 + 0.45 * (((i * 37) % 100) / 100)),
        height * (0.08 + 0.5 * (((i * 61) % 100) / 100)),
      ]);
    }
    g.lineStyle(2, 0x2b4566, 1);
    nodes.forEach((a, i) => {
      const b = nodes[(i * 5 + 3) % nodes.length];
      g.lineBetween(a[0], a[1], b[0], b[1]);
      const isWorm = i % 3 === 0;
      this.packets.push({
        dot: this.add.circle(a[0], a[1], isWorm ? 4 : 3, isWorm ? 0xd55e00 : 0x56b4e9),
        from: a,
        to: b,
        phase: (i * 0.137) % 1,
      });
    });
    nodes.forEach(([x, y]) => g.fillStyle(0x56b4e9, 1).fillCircle(x, y, 5));
  }
}
