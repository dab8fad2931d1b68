// Static hosting of the built game (dist/). Unknown paths without a file extension get index.html
// (so deep links work); a missing file with an extension is a real 404, so the game's loader can
// name it instead of receiving HTML.
import { createReadStream, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export function createStaticHandler(root: string) {
  const base = resolve(root);
  return (req: IncomingMessage, res: ServerResponse): void => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: malformed URL');
      return;
    }
    const target = normalize(join(base, pathname));
    if (target !== base && !target.startsWith(base + sep)) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    let file = target;
    let stat = safeStat(file);
    if (stat?.isDirectory()) {
      file = join(file, 'index.html');
      stat = safeStat(file);
    }
    if (!stat) {
      if (extname(pathname) !== '') {
        res
          .writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
          .end(`Not found: ${pathname}`);
        return;
      }
      file = join(base, 'index.html');
      stat = safeStat(file);
      if (!stat) {
        res
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end('The game has not been built: run `npm start` (or `npm run build`).');
        return;
      }
    }
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': stat.size,
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

function safeStat(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
