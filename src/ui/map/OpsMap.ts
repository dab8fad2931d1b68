// The operations map, drawn with Phaser: Korea from Natural Earth, the level's nodes and links,
// links coloured AND patterned by their monitored load, traffic moving along them (worm packets
// shown as such once the team has identified UDP 1434), DNS status marks, the selection, and a
// world inset with the Internet-wide infection curve. A view only: it reads snapshots.
import type { GameObjects, Math as PMath, Scene } from 'phaser';
import type { FeatureCollection } from 'geojson';
import type { EngineMetrics } from '../../engine';
import type { Level, ViewSnapshot } from '../../game';
import {
  distanceToSegment,
  fitKorea,
  fitWorld,
  projectRings,
  spreadNodes,
  type KoreaGeo,
  type Rect,
} from './geometry';
import type { Projection } from './projection';
import { linkStyle } from './linkStyle';
import type { HistorySample } from '../session/history';

type Net = Level['engine']['network'];
type NodeDef = Net['nodes'][number];

const COLORS = {
  sea: 0x0d1b2e,
  land: 0x1b2c44,
  home: 0x24405f,
  coast: 0x3a5a80,
  node: 0xe8eef6,
  dns: 0x56b4e9,
  down: 0xd55e00,
  worm: 0xd55e00,
  legit: 0x9fd3f5,
  unknown: 0xc8d3df,
  select: 0xf0e442,
};

const NODE_RADIUS: Record<NodeDef['kind'], number> = {
  internet: 12,
  gateway: 9,
  pop: 7,
  idc: 7,
  dns: 7,
  customer: 6,
};

/** Phaser types its point lists as Vector2[]; plain {x, y} objects are what it reads. */
let bakeCount = 0;

const asPoints = (ring: { x: number; y: number }[]) => ring as unknown as PMath.Vector2[];

export interface MapDevice {
  id: string;
  kind: 'node' | 'link';
}

export interface MapFrame {
  view: ViewSnapshot;
  truth: EngineMetrics;
  history: HistorySample[];
  selected?: string;
  reducedMotion: boolean;
  labels: Record<string, string>;
  insetTitle: string;
  /** Text size setting (1 = 100 %). */
  textScale: number;
}

export class OpsMap {
  private rect: Rect = { x: 0, y: 0, width: 100, height: 100 };
  private projection: Projection;
  private positions = new Map<string, { x: number; y: number }>();
  private readonly land: GameObjects.Graphics;
  /** The land and the inset's world map, baked once per layout: Graphics re-tessellates every
   *  frame in WebGL, which the coastlines' thousands of points make expensive. The texture covers
   *  only the map slot, not the whole canvas: on software WebGL (SwiftShader) every pixel a quad
   *  covers costs, and a canvas-sized image cost more than everything else on the map together. */
  private landImage?: GameObjects.Image;
  /** Top-left pixel of the baked texture (the slot's corner, floored so the land keeps the same
   *  sub-pixel position, and so the same anti-aliased pixels, as when it was drawn in place). */
  private bakeOrigin = { x: 0, y: 0 };
  private readonly textures: Scene['textures'];
  private readonly linksGfx: GameObjects.Graphics;
  private readonly packets: GameObjects.Graphics;
  private readonly nodesGfx: GameObjects.Graphics;
  private readonly inset: GameObjects.Graphics;
  private readonly labels = new Map<string, GameObjects.Text>();
  private insetLabel: GameObjects.Text;
  private readonly insetCurve: GameObjects.Graphics;
  private phase = 0;
  /** What the static layers were last drawn from; they are redrawn only when it changes. */
  private drawnFrom?: { view: ViewSnapshot; selected?: string; lang: string; samples: number };
  private packetPaths: {
    a: { x: number; y: number };
    b: { x: number; y: number };
    dots: number;
    wormShare: number;
    knowsWorm: boolean;
  }[] = [];

  constructor(
    scene: Scene,
    private readonly net: Net,
    private readonly korea: KoreaGeo,
    private readonly world: FeatureCollection,
  ) {
    this.textures = scene.textures;
    this.land = scene.add.graphics();
    this.inset = scene.add.graphics();
    this.insetCurve = scene.add.graphics();
    this.linksGfx = scene.add.graphics();
    this.packets = scene.add.graphics();
    this.nodesGfx = scene.add.graphics();
    this.insetLabel = scene.add.text(0, 0, '', {
      fontFamily: 'Noto Sans KR, sans-serif',
      fontSize: '11px',
      color: '#9fb3c8',
    });
    for (const n of net.nodes) {
      this.labels.set(
        n.id,
        scene.add
          .text(0, 0, '', {
            fontFamily: 'Noto Sans KR, sans-serif',
            fontSize: '12px',
            color: '#e8eef6',
            backgroundColor: 'rgba(11,19,32,0.7)',
            padding: { x: 3, y: 1 },
          })
          .setOrigin(0, 0.5),
      );
    }
  }

  /** Fits the map into `rect` (screen pixels) and redraws the static layer. */
  layout(rect: Rect): void {
    this.rect = rect;
    this.projection = fitKorea(this.korea, rect);
    this.bakeOrigin = { x: Math.floor(rect.x), y: Math.floor(rect.y) };
    // Drawn in the baked texture's coordinates (its origin is the slot's corner).
    const g = this.land.clear().translateCanvas(-this.bakeOrigin.x, -this.bakeOrigin.y);
    g.fillStyle(COLORS.sea, 1).fillRect(rect.x, rect.y, rect.width, rect.height);
    for (const { id, rings } of projectRings(this.korea, this.projection)) {
      g.fillStyle(id === 'KOR' ? COLORS.home : COLORS.land, 1);
      g.lineStyle(1, COLORS.coast, 1);
      for (const ring of rings) {
        g.fillPoints(asPoints(ring), true);
        g.strokePoints(asPoints(ring), true);
      }
    }
    const placed = this.net.nodes
      .filter((n) => n.kind !== 'internet' && n.lon !== undefined && n.lat !== undefined)
      .map((n) => {
        const [x, y] = this.projection([n.lon!, n.lat!]);
        return { id: n.id, x, y };
      });
    this.positions.clear();
    for (const p of spreadNodes(placed, 40)) this.positions.set(p.id, p);
    // The Internet sits off the east coast, where the cables land.
    for (const n of this.net.nodes) {
      if (!this.positions.has(n.id))
        this.positions.set(n.id, { x: rect.x + rect.width - 46, y: rect.y + 46 });
    }
    this.drawInsetBackground();
    this.bakeStatic();
    this.drawnFrom = undefined;
  }

  private insetRects(): { box: Rect; map: Rect } {
    // On a phone's narrow map a third of the width would hide a third of the country: smaller.
    const w = Math.max(
      0,
      Math.min(230, this.rect.width * (this.rect.width < 520 ? 0.27 : 0.38), this.rect.height),
    );
    const h = w * 0.5 + 34;
    const box: Rect = {
      x: this.rect.x + 8,
      y: this.rect.y + this.rect.height - h - 8,
      width: w,
      height: h,
    };
    return { box, map: { x: box.x + 4, y: box.y + 18, width: box.width - 8, height: w * 0.5 - 4 } };
  }

  private drawInsetBackground(): void {
    const { box, map } = this.insetRects();
    const g = this.inset.clear().translateCanvas(-this.bakeOrigin.x, -this.bakeOrigin.y);
    g.fillStyle(0x0b1320, 0.88).fillRect(box.x, box.y, box.width, box.height);
    g.lineStyle(1, 0x2b4566, 1).strokeRect(box.x, box.y, box.width, box.height);
    g.fillStyle(0x24405f, 1);
    for (const { rings } of projectRings(this.world, fitWorld(map)))
      for (const ring of rings) g.fillPoints(asPoints(ring), true);
  }

  /** Bakes the land and the inset background into one texture, the size of the map slot, shown as
   *  an image at the slot's corner. */
  private bakeStatic(): void {
    const scene = this.land.scene;
    const { x, y } = this.bakeOrigin;
    const width = Math.ceil(this.rect.x + this.rect.width) - x;
    const height = Math.ceil(this.rect.y + this.rect.height) - y;
    if (width < 1 || height < 1) {
      // An empty slot (a window too small for the map) shows nothing; don't draw the layers live.
      this.land.clear();
      this.inset.clear();
      return;
    }
    // Unique across maps and scenes: textures live in the game's global manager.
    const key = `ops-static-${bakeCount++}`;
    // One texture for both layers: draw the inset over the land, then bake.
    const canvas = scene.textures.createCanvas(key, width, height);
    if (!canvas) return;
    this.land.generateTexture(canvas.getSourceImage() as HTMLCanvasElement, width, height);
    this.inset.generateTexture(canvas.getSourceImage() as HTMLCanvasElement, width, height);
    canvas.refresh();
    const old = this.landImage;
    this.landImage = scene.add.image(x, y, key).setOrigin(0, 0).setDepth(-1);
    this.land.clear();
    this.inset.clear();
    if (old) {
      const k = old.texture.key;
      old.destroy();
      scene.textures.remove(k);
    }
  }

  /** The device under a screen point: a node if one is near, else the nearest link. */
  hitTest(x: number, y: number): MapDevice | undefined {
    let best: MapDevice | undefined;
    let bestD = 14;
    for (const n of this.net.nodes) {
      const p = this.positions.get(n.id)!;
      const d = Math.hypot(p.x - x, p.y - y);
      if (d < bestD) {
        bestD = d;
        best = { id: n.id, kind: 'node' };
      }
    }
    if (best) return best;
    bestD = 8;
    for (const l of this.net.links) {
      const a = this.positions.get(l.from);
      const b = this.positions.get(l.to);
      if (!a || !b) continue;
      const d = distanceToSegment({ x, y }, a, b);
      if (d < bestD) {
        bestD = d;
        best = { id: l.id, kind: 'link' };
      }
    }
    return best;
  }

  /** The label drawn beside a node (test hook: what the player reads on the map). */
  labelText(id: string): string | undefined {
    return this.labels.get(id)?.text;
  }

  positionOf(id: string): { x: number; y: number } | undefined {
    const node = this.positions.get(id);
    if (node) return node;
    const link = this.net.links.find((l) => l.id === id);
    if (!link) return undefined;
    const a = this.positions.get(link.from)!;
    const b = this.positions.get(link.to)!;
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }

  /** Per frame: traffic moves every frame; links, nodes and the inset are redrawn only when the
   *  snapshot, the selection or the language changed (a few times a second at most). */
  draw(frame: MapFrame, dtMs: number): void {
    if (!frame.reducedMotion) this.phase = (this.phase + dtMs / 1800) % 1;
    const d = this.drawnFrom;
    if (
      !d ||
      d.view !== frame.view ||
      d.selected !== frame.selected ||
      d.samples !== frame.history.length ||
      d.lang !== frame.insetTitle
    ) {
      this.drawStatic(frame);
      this.drawnFrom = {
        view: frame.view,
        selected: frame.selected,
        lang: frame.insetTitle,
        samples: frame.history.length,
      };
    }
    const p = this.packets.clear();
    for (const path of this.packetPaths) {
      for (let i = 0; i < path.dots; i++) {
        const u = (this.phase + i / path.dots) % 1;
        const isWorm = path.knowsWorm && i / path.dots < path.wormShare;
        p.fillStyle(path.knowsWorm ? (isWorm ? COLORS.worm : COLORS.legit) : COLORS.unknown, 0.95);
        const x = path.b.x + (path.a.x - path.b.x) * u;
        const y = path.b.y + (path.a.y - path.b.y) * u;
        if (isWorm) p.fillRect(x - 2.5, y - 2.5, 5, 5);
        else p.fillCircle(x, y, 2.2);
      }
    }
  }

  private drawStatic(frame: MapFrame): void {
    const { view, truth } = frame;
    this.packetPaths = [];
    const observed = new Map(view.monitoring.links.map((l) => [l.id, Math.max(l.inPct, l.outPct)]));
    const truthLinks = new Map(truth.links.map((l) => [l.id, l]));
    const knowsWorm = view.flags.knowsUdp1434 !== undefined || view.flags.knowsWorm !== undefined;

    const g = this.linksGfx.clear();
    // Parallel links between the same two nodes are offset so each stays visible and clickable.
    const pairCount = new Map<string, number>();
    for (const link of this.net.links) {
      const a = this.positions.get(link.from);
      const b = this.positions.get(link.to);
      if (!a || !b) continue;
      const key = [link.from, link.to].sort().join('|');
      const k = pairCount.get(key) ?? 0;
      pairCount.set(key, k + 1);
      const off = k === 0 ? 0 : (k % 2 ? 1 : -1) * Math.ceil(k / 2) * 5;
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const nx = (-(b.y - a.y) / len) * off;
      const ny = ((b.x - a.x) / len) * off;
      const a2 = { x: a.x + nx, y: a.y + ny };
      const b2 = { x: b.x + nx, y: b.y + ny };
      const t = truthLinks.get(link.id);
      const util = observed.get(link.id) ?? 0;
      const style = linkStyle(util, t?.connected ?? true, link.capacityMbps);
      if (frame.selected === link.id) {
        g.lineStyle(style.width + 6, COLORS.select, 0.6);
        g.lineBetween(a2.x, a2.y, b2.x, b2.y);
      }
      this.strokeStyled(g, a2, b2, style);
      if (t?.aclIngress || t?.aclEgress) this.drawFilterMark(g, a2, b2);
      // Traffic: dots per link by load; worm share shown only once it has been identified.
      if (t?.connected !== false && util > 1) {
        const dots = Math.max(1, Math.min(8, Math.round(util / 12)));
        const wormPps = (t?.wormUpPps ?? 0) + (t?.wormDownPps ?? 0);
        const wormShare = knowsWorm
          ? Math.min(1, wormPps / Math.max(1, wormPps + link.capacityMbps * 300))
          : 0;
        this.packetPaths.push({ a: a2, b: b2, dots, wormShare, knowsWorm });
      }
    }

    const dnsByNode = new Map<string, boolean>();
    for (const c of this.net.clusters) {
      const obs = view.monitoring.dns.find((d) => d.id === c.id);
      if (obs) dnsByNode.set(c.node, (dnsByNode.get(c.node) ?? true) && obs.status === 'answering');
    }
    const n = this.nodesGfx.clear();
    for (const node of this.net.nodes) {
      const pos = this.positions.get(node.id)!;
      const r = NODE_RADIUS[node.kind];
      if (frame.selected === node.id) {
        n.lineStyle(3, COLORS.select, 1).strokeCircle(pos.x, pos.y, r + 6);
      }
      const dnsOk = dnsByNode.get(node.id);
      const fill = node.kind === 'dns' ? (dnsOk === false ? COLORS.down : COLORS.dns) : COLORS.node;
      n.fillStyle(fill, 1);
      if (node.kind === 'dns' || node.kind === 'idc')
        n.fillRect(pos.x - r, pos.y - r, 2 * r, 2 * r);
      else if (node.kind === 'gateway')
        n.fillTriangle(pos.x, pos.y - r - 2, pos.x - r - 1, pos.y + r, pos.x + r + 1, pos.y + r);
      else n.fillCircle(pos.x, pos.y, r);
      n.lineStyle(1.5, 0x0b1320, 1).strokeCircle(pos.x, pos.y, r + 1);
      if (dnsOk === false) {
        // A cross as well as the colour: status reads without colour vision.
        n.lineStyle(3, 0xffffff, 1);
        n.lineBetween(pos.x - r, pos.y - r, pos.x + r, pos.y + r);
        n.lineBetween(pos.x - r, pos.y + r, pos.x + r, pos.y - r);
      }
    }
    this.placeLabels(frame);
    this.drawInset(frame);
  }

  /**
   * Labels beside their nodes without covering each other: the selected device first, then in
   * the network's order, each to the right, left, above or below its node, whichever is free and
   * inside the map; a label with no free place is hidden (its device is still in the list), unless
   * it is the selected one. Customer areas are labelled only when selected (around Seoul they
   * would bury the core).
   */
  private placeLabels(frame: MapFrame): void {
    const placed: Rect[] = [];
    const overlaps = (a: Rect) =>
      a.x < this.rect.x ||
      a.y < this.rect.y ||
      a.x + a.width > this.rect.x + this.rect.width ||
      a.y + a.height > this.rect.y + this.rect.height ||
      placed.some(
        (b) =>
          a.x < b.x + b.width &&
          b.x < a.x + a.width &&
          a.y < b.y + b.height &&
          b.y < a.y + a.height,
      );
    const order = [...this.net.nodes].sort(
      (a, b) => Number(b.id === frame.selected) - Number(a.id === frame.selected),
    );
    for (const node of order) {
      const label = this.labels.get(node.id)!;
      const selected = frame.selected === node.id;
      if (node.kind === 'customer' && !selected) {
        label.setVisible(false);
        continue;
      }
      label.setText(frame.labels[node.id] ?? node.id).setScale(frame.textScale);
      const pos = this.positions.get(node.id)!;
      const r = NODE_RADIUS[node.kind] + 6;
      const w = label.displayWidth;
      const h = label.displayHeight;
      const spots: { box: Rect; origin: [number, number]; at: [number, number] }[] = [
        {
          box: { x: pos.x + r, y: pos.y - h / 2, width: w, height: h },
          origin: [0, 0.5],
          at: [pos.x + r, pos.y],
        },
        {
          box: { x: pos.x - r - w, y: pos.y - h / 2, width: w, height: h },
          origin: [1, 0.5],
          at: [pos.x - r, pos.y],
        },
        {
          box: { x: pos.x - w / 2, y: pos.y - r - h, width: w, height: h },
          origin: [0.5, 1],
          at: [pos.x, pos.y - r],
        },
        {
          box: { x: pos.x - w / 2, y: pos.y + r, width: w, height: h },
          origin: [0.5, 0],
          at: [pos.x, pos.y + r],
        },
      ];
      const spot = spots.find((c) => !overlaps(c.box)) ?? (selected ? spots[0] : undefined);
      label.setVisible(!!spot);
      if (!spot) continue;
      placed.push(spot.box);
      label.setOrigin(...spot.origin).setPosition(...spot.at);
    }
  }

  private strokeStyled(
    g: GameObjects.Graphics,
    a: { x: number; y: number },
    b: { x: number; y: number },
    s: ReturnType<typeof linkStyle>,
  ): void {
    g.lineStyle(s.width, s.color, 1);
    if (s.double) {
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const ox = (-(b.y - a.y) / len) * (s.width * 0.9);
      const oy = ((b.x - a.x) / len) * (s.width * 0.9);
      g.lineBetween(a.x + ox, a.y + oy, b.x + ox, b.y + oy);
      g.lineBetween(a.x - ox, a.y - oy, b.x - ox, b.y - oy);
      return;
    }
    if (!s.dash) {
      g.lineBetween(a.x, a.y, b.x, b.y);
      return;
    }
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    const [on, off] = s.dash;
    for (let d = 0; d < len; d += on + off) {
      const t0 = d / len;
      const t1 = Math.min(len, d + on) / len;
      g.lineBetween(
        a.x + (b.x - a.x) * t0,
        a.y + (b.y - a.y) * t0,
        a.x + (b.x - a.x) * t1,
        a.y + (b.y - a.y) * t1,
      );
    }
  }

  /** A small bar across the link: a filter is configured on it. */
  private drawFilterMark(
    g: GameObjects.Graphics,
    a: { x: number; y: number },
    b: { x: number; y: number },
  ): void {
    const mx = a.x + (b.x - a.x) * 0.7;
    const my = a.y + (b.y - a.y) * 0.7;
    const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const ox = (-(b.y - a.y) / len) * 8;
    const oy = ((b.x - a.x) / len) * 8;
    g.lineStyle(4, COLORS.select, 1).lineBetween(mx - ox, my - oy, mx + ox, my + oy);
  }

  private drawInset(frame: MapFrame): void {
    const { box: r, map: mapRect } = this.insetRects();
    const g = this.insetCurve.clear();
    // The curve: what was published, ten minutes behind (reports lag the wire).
    const lagS = 600;
    const now = frame.view.tick;
    const pts = frame.history.filter((s) => s.t <= now - lagS);
    const maxY = Math.max(80_000, ...pts.map((s) => s.globalInfected));
    const t0 = frame.history.length ? frame.history[0].t : now;
    const span = Math.max(3600, now - t0);
    g.lineStyle(2, COLORS.worm, 1);
    const curve = pts.map((s) => ({
      x: mapRect.x + ((s.t - t0) / span) * mapRect.width,
      y: mapRect.y + mapRect.height - (s.globalInfected / maxY) * (mapRect.height - 4),
    }));
    if (curve.length > 1) g.strokePoints(asPoints(curve), false);
    const latest = pts.length ? pts[pts.length - 1].globalInfected : 0;
    this.insetLabel
      .setText(`${frame.insetTitle}: ${latest.toLocaleString()}`)
      .setPosition(r.x + 5, r.y + 3);
  }

  destroy(): void {
    if (this.landImage) {
      const k = this.landImage.texture.key;
      this.landImage.destroy();
      // The scene may already be shutting down; the texture manager is the game's.
      if (this.textures.exists(k)) this.textures.remove(k);
    }
    [
      this.land,
      this.inset,
      this.insetCurve,
      this.linksGfx,
      this.packets,
      this.nodesGfx,
      this.insetLabel,
    ].forEach((o) => o.destroy());
    this.labels.forEach((l) => l.destroy());
  }
}
