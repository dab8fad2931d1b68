// Extracts the map data the game draws from Natural Earth (via the world-atlas package) into
// assets/map/: South Korea and the neighbouring coasts at 1:10m for the operations map, and the
// world's land at 1:110m for the inset. Coordinates are rounded to ~1 km (invisible at the map's
// scale) and repeated points dropped, to keep the files small.
//   npx tsx scripts/make-map.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

const root = join(import.meta.dirname, '..');
const atlas = (name: string) =>
  JSON.parse(readFileSync(join(root, 'node_modules', 'world-atlas', name), 'utf8')) as Topology;

// The operations map's window: the Korean peninsula with the Tsushima strait and Kyushu's tip.
const VIEW = { west: 123.5, east: 132.2, south: 32.6, north: 39.6 };
const COUNTRIES: Record<string, string> = {
  '410': 'KOR',
  '408': 'PRK',
  '392': 'JPN',
  '156': 'CHN',
};

const round = (p: Position): Position => [
  Math.round(p[0] * 100) / 100,
  Math.round(p[1] * 100) / 100,
];

function simplifyRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring.map(round)) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

const PAD = 0.5;
const CLIP = {
  west: VIEW.west - PAD,
  east: VIEW.east + PAD,
  south: VIEW.south - PAD,
  north: VIEW.north + PAD,
};

/** Sutherland–Hodgman clip of a ring to the padded view rectangle (the cut edges lie off-screen). */
function clipRing(ring: Position[]): Position[] {
  const edges: [(p: Position) => boolean, (a: Position, b: Position) => Position][] = [
    [(p) => p[0] >= CLIP.west, (a, b) => atX(a, b, CLIP.west)],
    [(p) => p[0] <= CLIP.east, (a, b) => atX(a, b, CLIP.east)],
    [(p) => p[1] >= CLIP.south, (a, b) => atY(a, b, CLIP.south)],
    [(p) => p[1] <= CLIP.north, (a, b) => atY(a, b, CLIP.north)],
  ];
  let out = ring;
  for (const [inside, cut] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i];
      const prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) out.push(cut(prev, cur));
        out.push(cur);
      } else if (inside(prev)) out.push(cut(prev, cur));
    }
    if (out.length === 0) return out;
  }
  if (out.length) out.push(out[0]);
  return out;
}
const atX = (a: Position, b: Position, x: number): Position => [
  x,
  a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]),
];
const atY = (a: Position, b: Position, y: number): Position => [
  a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]),
  y,
];

function keepPolygons(geom: Polygon | MultiPolygon): MultiPolygon | undefined {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.coordinates;
  const kept = polys
    .map((p) => p.map((ring) => simplifyRing(clipRing(ring))).filter((ring) => ring.length >= 4))
    .filter((p) => p.length > 0);
  return kept.length ? { type: 'MultiPolygon', coordinates: kept } : undefined;
}

const topo10 = atlas('countries-10m.json');
const countries = feature(
  topo10,
  topo10.objects.countries as GeometryCollection,
) as FeatureCollection;
const korea: FeatureCollection = { type: 'FeatureCollection', features: [] };
for (const f of countries.features) {
  const code = COUNTRIES[String(f.id)];
  if (!code || !f.geometry) continue;
  const geometry = keepPolygons(f.geometry as Polygon | MultiPolygon);
  if (geometry)
    korea.features.push({ type: 'Feature', id: code, properties: { code }, geometry } as Feature);
}

const land110 = atlas('land-110m.json');
const world = feature(land110, land110.objects.land as GeometryCollection) as FeatureCollection;
world.features = world.features.map((f) => ({
  ...f,
  geometry: {
    type: 'MultiPolygon',
    coordinates: (f.geometry.type === 'Polygon'
      ? [f.geometry.coordinates]
      : (f.geometry as MultiPolygon).coordinates
    ).map((p) =>
      p.map((r) => r.map((q) => [Math.round(q[0] * 10) / 10, Math.round(q[1] * 10) / 10])),
    ),
  },
}));

const out = join(root, 'assets', 'map');
mkdirSync(out, { recursive: true });
const note = 'Made with Natural Earth (public domain) via world-atlas; see scripts/make-map.ts';
writeFileSync(join(out, 'korea-10m.geo.json'), JSON.stringify({ ...korea, note, view: VIEW }));
writeFileSync(join(out, 'world-110m.geo.json'), JSON.stringify({ ...world, note }));
console.log(
  `korea: ${korea.features.map((f) => f.id).join(', ')}; world: ${world.features.length} features`,
);
