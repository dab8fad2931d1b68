// Static hosting of the built game (dist/). Unknown paths without a file extension get index.html
// (so deep links work); a missing file with an extension is a real 404, so the game's loader can
// name it instead of receiving HTML.
//
// Hardening: only regular files reached without a symlink and without a dot-segment are served
// (a stray .env or a link to /etc in dist/ stays private); a file that cannot be opened answers
// (503 when the process is out of file descriptors, so it keeps serving once they free up) and a
// stream error never reaches the process; HTML carries the Content-Security-Policy and framing and
// referrer rules (securityHeaders.ts).
import { createReadStream, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTML_SECURITY_HEADERS } from './securityHeaders.ts';

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

/** Errors that mean "the process is short of resources", not "no such file". */
const EXHAUSTED = new Set(['EMFILE', 'ENFILE', 'ENOMEM', 'EAGAIN']);

type Found = { file: string; stat: Stats } | 'missing' | 'exhausted';

export function createStaticHandler(root: string) {
  const base = resolve(root);
  // dist/ may be built after the server starts: resolved on first use, then kept.
  let realBase: string | undefined;
  const baseReal = (): string | undefined => {
    if (realBase === undefined) realBase = lookup(() => realpathSync(base)).value;
    return realBase;
  };

  /** A regular file at `file`, reached without any symlink below the served folder. */
  const find = (file: string): Found => {
    const rb = baseReal();
    if (rb === undefined) return 'missing';
    const real = lookup(() => realpathSync(file));
    if (real.error) return real.error;
    if (real.value !== join(rb, relative(base, file))) return 'missing';
    const stat = lookup(() => statSync(file));
    if (stat.error) return stat.error;
    return { file, stat: stat.value! };
  };

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
    if (pathname.split('/').some((segment) => segment.startsWith('.')))
      return notFound(res, pathname);
    let found = find(target);
    if (typeof found === 'object' && found.stat.isDirectory())
      found = find(join(target, 'index.html'));
    if (found === 'exhausted') return busy(res);
    if (found === 'missing' || !found.stat.isFile()) {
      if (extname(pathname) !== '') return notFound(res, pathname);
      found = find(join(base, 'index.html'));
      if (found === 'exhausted') return busy(res);
      if (found === 'missing' || !found.stat.isFile()) {
        res
          .writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
          .end('The game has not been built: run `npm start` (or `npm run build`).');
        return;
      }
    }
    send(req, res, pathname, found.file, found.stat);
  };
}

/** Opens the file first and writes the headers only once it is open, so a failure can still answer. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  file: string,
  stat: Stats,
): void {
  const type = TYPES[extname(file)] ?? 'application/octet-stream';
  const headers = {
    'content-type': type,
    'content-length': String(stat.size),
    'cache-control': pathname.startsWith('/assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache',
    'x-content-type-options': 'nosniff',
    ...(type.startsWith('text/html') ? HTML_SECURITY_HEADERS : {}),
  };
  if (req.method === 'HEAD') {
    res.writeHead(200, headers).end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('open', () => {
    res.writeHead(200, headers);
    stream.pipe(res);
  });
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (res.headersSent) {
      // Mid-body: the length promised cannot be kept; cut the connection so the client knows.
      res.destroy();
      return;
    }
    if (EXHAUSTED.has(err.code ?? '')) return busy(res);
    res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Read error');
  });
  // A client that goes away mid-file: stop reading (and release the descriptor).
  res.on('close', () => stream.destroy());
}

function notFound(res: ServerResponse, pathname: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`Not found: ${pathname}`);
}

/** Out of descriptors or memory: try again shortly; the process stays up. */
function busy(res: ServerResponse): void {
  res
    .writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'retry-after': '5' })
    .end('The server is busy; try again in a few seconds.');
}

function lookup<T>(f: () => T): { value?: T; error?: 'missing' | 'exhausted' } {
  try {
    return { value: f() };
  } catch (e) {
    return {
      error: EXHAUSTED.has((e as NodeJS.ErrnoException).code ?? '') ? 'exhausted' : 'missing',
    };
  }
}
