// Issue 14 item 8, headers and requests: HTML carries a Content-Security-Policy, framing and
// referrer rules; POST /api/runs takes JSON only (a cross-site form cannot submit runs);
// dotfiles and symlinks inside the served folder stay private; a sustained flood of WebSocket
// messages is closed with 1008 even though the bucket lets a trickle through.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from './fixtures';
import { httpRequest, openSocket } from './gateHelpers';
import { startSessionServer, waitFor, type RunningServer } from './sessionsHelpers';

let dirs: ReturnType<typeof tempDirs>;
let srv: RunningServer;

beforeAll(async () => {
  dirs = tempDirs();
  const dist = join(dirs.root, 'dist');
  mkdirSync(join(dist, 'assets'), { recursive: true });
  mkdirSync(join(dist, '.git'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>1·25</title>');
  writeFileSync(join(dist, 'assets', 'app.js'), 'export {};\n');
  writeFileSync(join(dist, '.env'), 'SECRET=1\n');
  writeFileSync(join(dist, '.git', 'config'), '[core]\n');
  const outside = join(dirs.root, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'secret.txt'), 'private\n');
  symlinkSync(join(outside, 'secret.txt'), join(dist, 'leak.txt'));
  symlinkSync(outside, join(dist, 'linked'));
  srv = await startSessionServer({
    distDir: dist,
    dataDir: dirs.dataDir,
    levelsDir: dirs.levelsDir,
  });
});
afterAll(async () => {
  await srv.close();
  dirs.cleanup();
});

describe('item 8: headers and requests', () => {
  it('sends CSP, frame-ancestors/X-Frame-Options and Referrer-Policy with HTML', async () => {
    for (const path of ['/', '/index.html', '/some/deep/link']) {
      const res = await httpRequest(`${srv.base}${path}`);
      expect(res.status).toBe(200);
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    const js = await httpRequest(`${srv.base}/assets/app.js`);
    expect(js.status).toBe(200);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it('refuses POST /api/runs bodies that are not declared JSON (415)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
      const res = await httpRequest(`${srv.base}/api/runs`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: '{}',
      });
      expect(res.status).toBe(415);
      expect(JSON.parse(res.body)).toMatchObject({
        error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('content-type') },
      });
    }
    const json = await httpRequest(`${srv.base}/api/runs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: '{}',
    });
    expect(json.status).toBe(422); // through to the run checks
  });

  it('does not serve dotfiles or anything reached through a symlink', async () => {
    for (const path of ['/.env', '/.git/config', '/leak.txt', '/linked/secret.txt', '/%2eenv']) {
      const res = await httpRequest(`${srv.base}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.body).not.toContain('private');
      expect(res.body).not.toContain('SECRET');
    }
  });

  it('closes a connection that sends 1,000+ messages a second for a while (1008)', async () => {
    const s = await openSocket(srv.wsUrl);
    const other = await openSocket(srv.wsUrl);
    const started = Date.now();
    // ~1,500 messages a second in 10 ms batches, as a flooding script would.
    const timer = setInterval(() => {
      if (s.ws.readyState !== s.ws.OPEN) return;
      for (let i = 0; i < 15; i++) s.ws.send(JSON.stringify({ t: 'ping', id: i }));
    }, 10);
    try {
      await waitFor('the flood closed', () => s.closeCode() !== undefined, 5000);
    } finally {
      clearInterval(timer);
    }
    expect(s.closeCode()).toBe(1008);
    expect(Date.now() - started).toBeLessThan(3000);
    // The neighbour is untouched.
    other.send({ t: 'ping', id: 9 });
    expect(await other.frame('pong')).toMatchObject({ id: 9 });
    other.ws.close();
  });
});
