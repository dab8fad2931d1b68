/**
 * Checks that fetched bytes are a RIFF/WAVE file. A static server that answers a missing file with
 * the SPA's index.html (HTTP 200) would otherwise pass as "loaded" and fail silently later.
 * Returns a reason in words, or undefined when the bytes look right.
 */
export function describeWavProblem(bytes: ArrayBuffer | undefined): string | undefined {
  if (!bytes || bytes.byteLength === 0) return 'empty file';
  if (bytes.byteLength < 44) return `too short for a WAV file (${bytes.byteLength} bytes)`;
  const view = new DataView(bytes);
  const tag = (offset: number) =>
    String.fromCharCode(...[0, 1, 2, 3].map((i) => view.getUint8(offset + i)));
  if (tag(0) !== 'RIFF' || tag(8) !== 'WAVE') return 'not a WAV file (bad RIFF/WAVE header)';
  return undefined;
}
