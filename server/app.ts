// The one Node process behind `npm start`: serves the built game and the API. Team sessions
// (ws + SQLite) attach to this same server.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from './static.ts';
import { openDatabase, storageState, type Db } from './db.ts';
import { createLevelStore } from './levels.ts';
import { sendError } from './http.ts';
import { createRunsApi } from './runsApi.ts';
import { SessionHub, type SessionHubOptions } from './sessions/hub.ts';
import { trustedHops } from './sessions/options.ts';
import { VerifyPool, type VerifyPoolOptions } from './verifyPool.ts';

export interface AppOptions {
  distDir: string;
  version?: string;
  /**
   * Folder of the SQLite database. Without it the server has no storage and the runs API is not
   * mounted (its paths answer 404 like any unknown API path).
   */
  dataDir?: string;
  /** Folder of `<level id>.json` files used to verify runs (required with dataDir). */
  levelsDir?: string;
  /** Largest accepted request body, bytes (default 2 MiB). */
  maxBodyBytes?: number;
  /**
   * A connection must send its request headers within this many ms (default 15 s; Node's own is
   * 60 s), so sockets opened and left silent cannot pile up and eat the descriptors.
   */
  headersTimeoutMs?: number;
  /** Start even if the database fails PRAGMA quick_check (health then reports it). */
  allowCorruptDb?: boolean;
  /** Clock for stored dates (tests pin it). */
  now?: () => Date;
  /** Team sessions (mounted with dataDir): origins, public URL, limits, timers. */
  sessions?: Omit<SessionHubOptions, 'db' | 'levelsDir' | 'verifier'>;
  /**
   * The worker pool verifying runs, ending sessions and rebuilding rooms off the event loop
   * (server/verifyPool.ts): its size and queue bound. `workers: 0` verifies on the event loop.
   */
  verify?: VerifyPoolOptions & { workers?: number };
}

/** The app's HTTP server, with its session hub and verification pool when storage is configured. */
export type AppServer = Server & { sessions?: SessionHub; verifyPool?: VerifyPool; db?: Db };

export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function createAppServer(options: AppOptions): AppServer {
  const version = options.version ?? packageVersion();
  const serveStatic = createStaticHandler(options.distDir);
  // The schema is created (or upgraded) here, at start, not on the first request.
  const db =
    options.dataDir !== undefined
      ? openDatabase(options.dataDir, { allowCorrupt: options.allowCorruptDb })
      : undefined;
  const levelsDir = options.levelsDir ?? fileURLToPath(new URL('../levels', import.meta.url));
  const workers = options.verify?.workers;
  const pool =
    db && workers !== 0 ? new VerifyPool({ ...options.verify, size: workers }) : undefined;
  const runsApi = db
    ? createRunsApi({
        db,
        levels: createLevelStore(levelsDir),
        maxBodyBytes: options.maxBodyBytes,
        now: options.now,
        verify: pool && ((file, level) => pool.submit(file, level)),
        // The same proxy hops the session server trusts decide whose address a submission is.
        trustProxy: trustedHops(options.sessions ?? {}),
      })
    : undefined;
  // Rebuilds every live room from SQLite (on the pool); WebSocket upgrades wait until it is done.
  const sessions = db
    ? new SessionHub({ ...options.sessions, db, levelsDir, verifier: pool })
    : undefined;
  const headersTimeout = options.headersTimeoutMs ?? 15_000;
  const serverOptions = {
    headersTimeout,
    // How often Node looks for connections past that timeout (its default is every 30 s).
    connectionsCheckingInterval: Math.max(100, Math.min(5000, Math.floor(headersTimeout / 3))),
  };
  const server = createServer(serverOptions, (req, res) => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path === '/api/health') {
      // A damaged or failing database makes the server unhealthy (503), whatever else works.
      const storage = db ? storageState(db) : undefined;
      const ok = !storage || storage.state === 'ok';
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          ok,
          version,
          ...(storage ? { storage } : {}),
          ...(pool ? { verify: pool.stats() } : {}),
        }),
      );
      return;
    }
    if (path.startsWith('/api/')) {
      const notFound = () =>
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ ok: false, error: `unknown API path ${path}` }));
      if (!runsApi || !sessions) return notFound();
      if (path === '/api/runs' && req.method === 'POST' && !isJson(req)) {
        // A cross-site HTML form can only send form or text types: refusing them means a page
        // elsewhere cannot submit runs through a visitor's browser.
        sendError(
          res,
          415,
          'UNSUPPORTED_MEDIA_TYPE',
          `content-type: expected application/json, got ${JSON.stringify(req.headers['content-type'] ?? '(none)')}`,
          { connection: 'close' },
        );
        return;
      }
      const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
      sessions
        .handleHttp(req, res, path)
        .then((handled) => handled || runsApi(req, res, path, query))
        .then(
          (handled) => {
            if (!handled) notFound();
          },
          // The handler answers its own errors; this only guards against a bug taking the process down.
          (err: unknown) => {
            console.error(err);
            if (!res.headersSent) res.writeHead(500).end();
          },
        );
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
  const app = server as AppServer;
  if (sessions) {
    sessions.attach(server);
    app.sessions = sessions;
  }
  if (pool) app.verifyPool = pool;
  // The one connection to the database (it is locked to this process: tests read through it).
  if (db) app.db = db;
  if (db)
    server.on('close', () => {
      void pool?.close();
      db.close();
    });
  // A socket that errors before a request (reset, malformed HTTP) is closed, never thrown.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (socket.writable && err.code !== 'ECONNRESET')
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  return app;
}

/** The request declares a JSON body (`application/json`, parameters such as charset allowed). */
function isJson(req: IncomingMessage): boolean {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
