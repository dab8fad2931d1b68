// The two map projections the game draws with, written out instead of importing d3-geo (about 7 kB
// of gzipped JS on the way to the first game, for two projections and one fit). They reproduce
// d3-geo 3.1's `geoMercator().fitExtent(extent, polygon)` and `geoEquirectangular().fitExtent(extent,
// {type: 'Sphere'})` operation for operation, so every projected point is the same double as d3's:
// test/unit/map/projection.test.ts compares them with d3-geo itself (kept as a dev dependency) on
// every vertex of the map data.
//
// What "fit" means in d3: project the object at scale 150 and translate [0, 0], take the bounding
// box of the projected outline, then pick the scale and translate that centre that box in the
// extent. For the Mercator frame d3 streams the polygon's edges as great-circle arcs and adds
// points along them where the projected arc bends (adaptive resampling); the north edge of a
// lon/lat box bulges poleward, so those added points set the box's top. `resampledRing` below is
// d3's resampler (src/projection/resample.js) restricted to what a simple ring needs.

/** A screen rectangle in pixels: where a projection fits its map. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** lon/lat in degrees → screen pixels. */
export type Projection = (point: readonly [number, number]) => [number, number];

const pi = Math.PI;
const halfPi = pi / 2;
const radians = pi / 180;
const epsilon = 1e-6;
/** d3's default precision √0.5 px, squared; subdivision depth and the 30° distance cap. */
const delta2 = 0.5;
const maxDepth = 16;
const cosMinDistance = Math.cos(30 * radians);

const asin = (x: number) => (x > 1 ? halfPi : x < -1 ? -halfPi : Math.asin(x));
const mercatorY = (phi: number) => Math.log(Math.tan((halfPi + phi) / 2));

/** d3's rotationIdentity: longitudes beyond ±180° wrap. */
function wrapLambda(lambda: number): number {
  return Math.abs(lambda) > pi ? lambda - Math.round(lambda / (2 * pi)) * (2 * pi) : lambda;
}

/** A raw projection (radians → unit plane) followed by d3's scale/translate with y down. */
type Raw = (lambda: number, phi: number) => [number, number];
const mercatorRaw: Raw = (lambda, phi) => [lambda, mercatorY(phi)];
const equirectangularRaw: Raw = (lambda, phi) => [lambda, phi];

/** d3's `recenter` with center [0, 0], no rotation, angle or reflection, then scaleTranslate. */
function transformFor(raw: Raw, k: number, x: number, y: number): Raw {
  const c = raw(0, 0);
  const center = [0 + k * c[0], 0 - k * c[1]];
  const dx = x - center[0];
  const dy = y - center[1];
  return (lambda, phi) => {
    const p = raw(lambda, phi);
    return [dx + k * p[0], dy - k * p[1]];
  };
}

function projectionFor(raw: Raw, k: number, x: number, y: number): Projection {
  const t = transformFor(raw, k, x, y);
  return ([lon, lat]) => t(wrapLambda(lon * radians), lat * radians);
}

const cartesian = (lambda: number, phi: number): [number, number, number] => {
  const cosPhi = Math.cos(phi);
  return [cosPhi * Math.cos(lambda), cosPhi * Math.sin(lambda), Math.sin(phi)];
};

/**
 * The points d3 emits for one closed ring (radians, first point not repeated) after adaptive
 * resampling through `project`: each vertex, with extra points along every edge where needed.
 */
function resampledRing(ring: [number, number][], project: Raw): [number, number][] {
  const out: [number, number][] = [];
  const lineTo = (
    x0: number,
    y0: number,
    lambda0: number,
    a0: number,
    b0: number,
    c0: number,
    x1: number,
    y1: number,
    lambda1: number,
    a1: number,
    b1: number,
    c1: number,
    depth: number,
  ): void => {
    const dx = x1 - x0;
    const dy = y1 - y0;
    const d2 = dx * dx + dy * dy;
    if (d2 > 4 * delta2 && depth--) {
      let a = a0 + a1;
      let b = b0 + b1;
      let c = c0 + c1;
      const m = Math.sqrt(a * a + b * b + c * c);
      const phi2 = asin((c /= m));
      const lambda2 =
        Math.abs(Math.abs(c) - 1) < epsilon || Math.abs(lambda0 - lambda1) < epsilon
          ? (lambda0 + lambda1) / 2
          : Math.atan2(b, a);
      const p = project(lambda2, phi2);
      const x2 = p[0];
      const y2 = p[1];
      const dx2 = x2 - x0;
      const dy2 = y2 - y0;
      const dz = dy * dx2 - dx * dy2;
      if (
        (dz * dz) / d2 > delta2 ||
        Math.abs((dx * dx2 + dy * dy2) / d2 - 0.5) > 0.3 ||
        a0 * a1 + b0 * b1 + c0 * c1 < cosMinDistance
      ) {
        lineTo(x0, y0, lambda0, a0, b0, c0, x2, y2, lambda2, (a /= m), (b /= m), c, depth);
        out.push([x2, y2]);
        lineTo(x2, y2, lambda2, a, b, c, x1, y1, lambda1, a1, b1, c1, depth);
      }
    }
  };
  let prev: [number, number, number, number, number, number] | undefined;
  let first: typeof prev;
  for (const [lambda, phi] of ring) {
    const c = cartesian(lambda, phi);
    const p = project(lambda, phi);
    const cur: typeof prev = [p[0], p[1], lambda, c[0], c[1], c[2]];
    // d3 starts each ring with a NaN previous point, which makes the first lineTo a no-op.
    if (prev) lineTo(...prev, ...cur, maxDepth);
    out.push([p[0], p[1]]);
    prev = cur;
    first ??= cur;
  }
  if (prev && first) lineTo(...prev, ...first, maxDepth);
  return out;
}

/** d3's fitExtent, given the outline's projected points at scale 150, translate [0, 0]. */
function fit(raw: Raw, points: [number, number][], rect: Rect): Projection {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  const w = rect.x + rect.width - rect.x;
  const h = rect.y + rect.height - rect.y;
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  const x = +rect.x + (w - k * (x1 + x0)) / 2;
  const y = +rect.y + (h - k * (y1 + y0)) / 2;
  return projectionFor(raw, 150 * k, x, y);
}

/**
 * Mercator fitted so the lon/lat box `view` fills `rect` (as d3's fitExtent of the clockwise box
 * polygon). The box must not cross the antimeridian, where d3 would clip it.
 */
export function mercatorFit(
  view: { west: number; east: number; south: number; north: number },
  rect: Rect,
): Projection {
  const { west, east, south, north } = view;
  // The polygon's ring as d3's stream sees it: radians, closing point dropped.
  const ring: [number, number][] = [
    [west, south],
    [west, north],
    [east, north],
    [east, south],
  ].map(([lon, lat]) => [wrapLambda(lon * radians), lat * radians]);
  const at150 = transformFor(mercatorRaw, 150, 0, 0);
  return fit(mercatorRaw, resampledRing(ring, at150), rect);
}

/** Equirectangular fitted so the whole globe fills `rect` (d3's fitExtent of the Sphere). */
export function equirectangularSphereFit(rect: Rect): Projection {
  // d3 draws the sphere as this ring round the antimeridian's edge (clipAntimeridianInterpolate).
  const ring: [number, number][] = [
    [-pi, halfPi],
    [0, halfPi],
    [pi, halfPi],
    [pi, 0],
    [pi, -halfPi],
    [0, -halfPi],
    [-pi, -halfPi],
    [-pi, 0],
    [-pi, halfPi],
  ];
  const at150 = transformFor(equirectangularRaw, 150, 0, 0);
  return fit(equirectangularRaw, resampledRing(ring, at150), rect);
}
