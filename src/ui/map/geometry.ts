// Map geometry for the operations view: a Mercator projection fitted to the Korean window of the
// Natural Earth data (./projection.ts, d3-geo's arithmetic without the library), node positions
// from the level's lon/lat, and a small deterministic spreading of nodes that share a site
// (Hyehwa's gateway, DNS and IDC sit in one building).
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { equirectangularSphereFit, mercatorFit, type Projection, type Rect } from './projection';

export type { Rect } from './projection';

export interface KoreaGeo extends FeatureCollection {
  view: { west: number; east: number; south: number; north: number };
}

export type Ring = { x: number; y: number }[];

/** Mercator that fits the data's lon/lat window into `rect`. */
export function fitKorea(geo: KoreaGeo, rect: Rect): Projection {
  return mercatorFit(geo.view, rect);
}

/** The whole globe, equirectangular, fitted into `rect` (the world inset). */
export function fitWorld(rect: Rect): Projection {
  return equirectangularSphereFit(rect);
}

/** Outer rings of every polygon of the collection, projected (holes are not drawn at this scale). */
export function projectRings(
  fc: FeatureCollection,
  projection: Projection,
): { id: string; rings: Ring[] }[] {
  return fc.features.map((f) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return {
      id: String(f.id ?? ''),
      rings: polys.map((p) =>
        p[0].map(([lon, lat]) => {
          const xy = projection([lon, lat]);
          return { x: xy[0], y: xy[1] };
        }),
      ),
    };
  });
}

export interface PlacedNode {
  id: string;
  x: number;
  y: number;
}

/**
 * Pushes apart nodes closer than `minGap` pixels, keeping each near its true place. Deterministic
 * (fixed iterations, stable order), so the map looks the same every time.
 */
export function spreadNodes(nodes: PlacedNode[], minGap: number, iterations = 60): PlacedNode[] {
  const out = nodes.map((n) => ({ ...n }));
  const home = nodes.map((n) => ({ x: n.x, y: n.y }));
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        let dx = out[j].x - out[i].x;
        let dy = out[j].y - out[i].y;
        let d = Math.hypot(dx, dy);
        if (d >= minGap) continue;
        if (d < 1e-6) {
          // Same spot: separate along a fixed angle per pair.
          const a = ((i * 7 + j * 13) % 12) * (Math.PI / 6);
          dx = Math.cos(a);
          dy = Math.sin(a);
          d = 1;
        }
        const push = (minGap - d) / 2;
        out[i].x -= (dx / d) * push;
        out[i].y -= (dy / d) * push;
        out[j].x += (dx / d) * push;
        out[j].y += (dy / d) * push;
      }
    }
    // A weak spring back to the true place keeps the geography readable.
    for (let i = 0; i < out.length; i++) {
      out[i].x += (home[i].x - out[i].x) * 0.05;
      out[i].y += (home[i].y - out[i].y) * 0.05;
    }
  }
  return out;
}

/** Distance from point p to segment ab, in pixels. */
export function distanceToSegment(
  p: { x: number; y: number },
  a: { x: number; y: number },
  b: { x: number; y: number },
): number {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const len2 = vx * vx + vy * vy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * vx + (p.y - a.y) * vy) / len2));
  return Math.hypot(p.x - (a.x + t * vx), p.y - (a.y + t * vy));
}
