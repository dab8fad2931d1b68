// A room's mini outage curve: subscribers online (%) over the level's day as a small SVG line,
// with the 50 % outage line. Built with DOM calls (no markup strings).
const NS = 'http://www.w3.org/2000/svg';
const W = 240;
const H = 60;

export function outageCurve(
  points: readonly [number, number][],
  span: { start: number; end: number },
  label: string,
): SVGSVGElement {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.setAttribute('class', 'exercise-curve');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const x = (t: number) => ((t - span.start) / Math.max(1, span.end - span.start)) * W;
  const y = (pct: number) => H - (pct / 100) * H;
  const line = document.createElementNS(NS, 'line');
  for (const [k, v] of [
    ['x1', 0],
    ['x2', W],
    ['y1', y(50)],
    ['y2', y(50)],
  ] as const)
    line.setAttribute(k, String(v));
  line.setAttribute('class', 'exercise-curve-threshold');
  svg.append(line);
  if (points.length > 0) {
    const path = document.createElementNS(NS, 'polyline');
    path.setAttribute(
      'points',
      points.map(([t, p]) => `${x(t).toFixed(1)},${y(p).toFixed(1)}`).join(' '),
    );
    path.setAttribute('class', 'exercise-curve-line');
    svg.append(path);
  }
  return svg;
}
