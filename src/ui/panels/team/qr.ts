// The join link as a QR code for the projector. The QR library is loaded only when a room shows
// its code (the solo game never downloads it), and draws into a canvas module by module: no markup
// is generated from strings.
import { el } from '../../dom';

/** A canvas showing `text` as a QR code (medium error correction, 4-module quiet zone). */
export async function qrCanvas(
  text: string,
  label: string,
  pixels = 240,
): Promise<HTMLCanvasElement> {
  const { default: qrcode } = await import('qrcode-generator');
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const modules = qr.getModuleCount();
  const quiet = 4;
  const cell = Math.max(2, Math.floor(pixels / (modules + 2 * quiet)));
  const size = cell * (modules + 2 * quiet);
  const canvas = el('canvas', {
    class: 'team-qr',
    width: size,
    height: size,
    role: 'img',
    'aria-label': label,
    'data-qr': text,
  });
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, size, size);
  g.fillStyle = '#000000';
  for (let r = 0; r < modules; r++)
    for (let c = 0; c < modules; c++)
      if (qr.isDark(r, c)) g.fillRect((c + quiet) * cell, (r + quiet) * cell, cell, cell);
  return canvas;
}
