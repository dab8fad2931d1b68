// The map's own projections (src/ui/map/projection.ts) must give exactly d3-geo's numbers: same
// Mercator fit of the Korean window, same world inset, every vertex of the map data, at several
// slot sizes. Exact equality, not a tolerance: the code claims to be d3's arithmetic, step by step.
import { readFileSync, readdirSync } from 'node:fs';
import { geoEquirectangular, geoMercator } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import {
  fitKorea,
  fitWorld,
  projectRings,
  type KoreaGeo,
  type Rect,
} from '../../../src/ui/map/geometry';

const korea = JSON.parse(readFileSync('assets/map/korea-10m.geo.json', 'utf8')) as KoreaGeo;
const world = JSON.parse(
  readFileSync('assets/map/world-110m.geo.json', 'utf8'),
) as FeatureCollection;
/** Every device position of every level, besides the coastlines. */
const levelPoints: [number, number][] = readdirSync('levels')
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const level = JSON.parse(readFileSync(`levels/${f}`, 'utf8')) as {
      engine: { network: { nodes: { lon?: number; lat?: number }[] } };
    };
    return level.engine.network.nodes
      .filter((n) => n.lon !== undefined && n.lat !== undefined)
      .map((n): [number, number] => [n.lon!, n.lat!]);
  });

const vertices = (fc: FeatureCollection): [number, number][] =>
  fc.features.flatMap((f) => {
    const g = f.geometry as Polygon | MultiPolygon;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
    return polys.flatMap((p) =>
      p.flatMap((ring) => ring.map(([x, y]): [number, number] => [x, y])),
    );
  });

// The Ops slot at 1280×720 and at other sizes, with fractional corners as the layout produces.
const rects: Rect[] = [
  { x: 304, y: 84.5, width: 576, height: 500 },
  { x: 0, y: 0, width: 1280, height: 720 },
  { x: 12.25, y: 40.75, width: 333.3, height: 612.9 },
  { x: 300, y: 90, width: 1000, height: 180 },
  { x: 8, y: 600, width: 230, height: 111 },
];

describe('map projections equal d3-geo', () => {
  const { west, east, south, north } = korea.view;
  const frame: Polygon = {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [west, north],
        [east, north],
        [east, south],
        [west, south],
      ],
    ],
  };
  const points = [...vertices(korea), ...vertices(world), ...levelPoints];

  it.each(rects)('Mercator fitted to the Korean window in %o', (rect) => {
    const d3 = geoMercator().fitExtent(
      [
        [rect.x, rect.y],
        [rect.x + rect.width, rect.y + rect.height],
      ],
      frame,
    );
    const ours = fitKorea(korea, rect);
    const mismatches = points.filter((p) => {
      const a = d3(p)!;
      const b = ours(p);
      return a[0] !== b[0] || a[1] !== b[1];
    });
    expect(mismatches).toEqual([]);
    expect(points.length).toBeGreaterThan(1000);
  });

  it.each(rects)('equirectangular world fitted to %o', (rect) => {
    const d3 = geoEquirectangular().fitExtent(
      [
        [rect.x, rect.y],
        [rect.x + rect.width, rect.y + rect.height],
      ],
      { type: 'Sphere' },
    );
    const ours = fitWorld(rect);
    const mismatches = points.filter((p) => {
      const a = d3(p)!;
      const b = ours(p);
      return a[0] !== b[0] || a[1] !== b[1];
    });
    expect(mismatches).toEqual([]);
  });

  // The Korean window is too small for d3 to add points along its edges; wider windows make it
  // resample the great-circle edges (the north edge bulges poleward and sets the top of the box).
  it.each([
    { west: 100, east: 160, south: 20, north: 60 },
    { west: -170, east: -20, south: -50, north: 70 },
    { west: 120, east: 179, south: -10, north: 5 },
  ])('Mercator fitted to a wider window %o', (view) => {
    const rect = rects[0];
    const box: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [view.west, view.south],
          [view.west, view.north],
          [view.east, view.north],
          [view.east, view.south],
          [view.west, view.south],
        ],
      ],
    };
    const d3 = geoMercator().fitExtent(
      [
        [rect.x, rect.y],
        [rect.x + rect.width, rect.y + rect.height],
      ],
      box,
    );
    const ours = fitKorea({ ...korea, view }, rect);
    const mismatches = points.filter((p) => {
      const a = d3(p)!;
      const b = ours(p);
      return a[0] !== b[0] || a[1] !== b[1];
    });
    expect(mismatches).toEqual([]);
  });

  it('projects the rings the map draws', () => {
    const rect = rects[0];
    const rings = projectRings(korea, fitKorea(korea, rect));
    expect(rings.length).toBe(korea.features.length);
    const first = rings.find((r) => r.rings.length > 0)!.rings[0][0];
    expect(Number.isFinite(first.x) && Number.isFinite(first.y)).toBe(true);
  });
});
