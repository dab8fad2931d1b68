// The one Node process behind `npm start`: serves the built game and the API. Team sessions
// (ws + SQLite) attach to this same server.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createStaticHandler } from './static.ts';

export interface AppOptions {
  distDir: string;
  version?: string;
}

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function createAppServer(options: AppOptions): Server {
  const version = options.version ?? packageVersion();
  const serveStatic = createStaticHandler(options.distDir);
  return createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/health') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: true, version }));
      return;
    }
    if (path.startsWith('/api/')) {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error: `unknown API path ${path}` }));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' })
        .end('Method not allowed');
      return;
    }
    serveStatic(req, res);
  });
}
