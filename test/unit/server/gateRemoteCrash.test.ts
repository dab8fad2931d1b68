// Issue 14 item 1, unauthenticated remote crash: the process must survive running out of file
// descriptors (a static file that cannot be opened answers 503, never an unhandled stream error),
// never-joined WebSocket connections are closed after a few seconds, and one address may hold
// only so many connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { join as joinPath } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDirs } from './fixtures';
import { httpRequest, join, openSocket, refusedUpgrade } from './gateHelpers';
import { REPO, startSessionServer, waitFor, type RunningServer } from './sessionsHelpers';

describe('item 1: no remote crash', () => {
  let dirs: ReturnType<typeof tempDirs>;
  let srv: RunningServer;

  beforeAll(async () => {
    dirs = tempDirs();
    srv = await startSessionServer({
      dataDir: dirs.dataDir,
      levelsDir: dirs.levelsDir,
      sessions: { joinTimeoutMs: 300, connectionsPerIp: 5, joinFailuresPerIp: 1 },
      headersTimeoutMs: 600,
    });
  });
  afterAll(async () => {
    await srv.close();
    dirs.cleanup();
  });

  it('closes a TCP connection that sends no request headers within the headers timeout', async () => {
    const port = Number(new URL(srv.base).port);
    const silent = connect({ host: '127.0.0.1', port, localAddress: '127.0.0.6' });
    let closed = false;
    silent.on('close', () => (closed = true));
    silent.on('error', () => undefined);
    silent.resume(); // read, so the server's close is seen
    await new Promise((r) => silent.once('connect', r));
    silent.write('GET / HTTP/1.1\r\n'); // and nothing more
    await waitFor('the silent socket closed', () => closed, 5000);
  });

  it('closes a WebSocket that has not joined within the join timeout', async () => {
    const idle = await openSocket(srv.wsUrl, { localAddress: '127.0.0.2' });
    // Pings do not count as joining.
    idle.send({ t: 'ping', id: 1 });
    await waitFor('the idle socket closed', () => idle.closeCode() !== undefined, 5000);
    expect(idle.closeCode()).toBe(4008);
  });

  it('spares a join waiting in the slow lane, and closes it once answered if it did not get in', async () => {
    const guesser = await openSocket(srv.wsUrl, { localAddress: '127.0.0.5' });
    guesser.send(join('WXYZAA'));
    expect(await guesser.frame('error')).toMatchObject({ code: 'UNKNOWN_ROOM' });
    guesser.ws.close();
    // Limited now: the first queued code is looked up at once, the second waits ten minutes.
    const first = await openSocket(srv.wsUrl, { localAddress: '127.0.0.5' });
    const second = await openSocket(srv.wsUrl, { localAddress: '127.0.0.5' });
    first.send(join('WXYZAB'));
    await first.frame('error');
    second.send(join('WXYZAC'));
    await waitFor('the first answered', () => first.frames.length === 2, 5000);
    expect(first.frames[1]).toMatchObject({ code: 'UNKNOWN_ROOM' });
    await waitFor('the first closed', () => first.closeCode() !== undefined, 5000);
    expect(first.closeCode()).toBe(4008);
    await new Promise((r) => setTimeout(r, 800));
    expect(second.closeCode()).toBe(undefined);
    second.ws.close();
  });

  it('caps open WebSocket connections per address (429 with Retry-After); others still connect', async () => {
    const mine = [];
    for (let i = 0; i < 5; i++)
      mine.push(await openSocket(srv.wsUrl, { localAddress: '127.0.0.3' }));
    const refused = await refusedUpgrade(srv.wsUrl, { localAddress: '127.0.0.3' });
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    const other = await openSocket(srv.wsUrl, { localAddress: '127.0.0.4' });
    other.ws.close();
    // A closed connection frees its place.
    mine.pop()!.ws.close();
    await waitFor('a place is free', () => false, 200).catch(() => undefined);
    const again = await openSocket(srv.wsUrl, { localAddress: '127.0.0.3' });
    for (const s of [...mine, again]) s.ws.close();
  });
});

describe('item 1: out of file descriptors (real process, ulimit -n)', () => {
  let dirs: ReturnType<typeof tempDirs>;
  let child: ChildProcess;
  let base: string;
  let output = '';
  const held: Socket[] = [];

  beforeAll(async () => {
    dirs = tempDirs();
    const dist = joinPath(dirs.root, 'dist');
    mkdirSync(dist);
    writeFileSync(joinPath(dist, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(joinPath(dist, 'app.js'), 'console.log(1)\n'.repeat(100));
    child = spawn(
      '/bin/sh',
      ['-c', `ulimit -n 256 && exec "${process.execPath}" --import tsx server/main.ts`],
      {
        cwd: REPO,
        env: {
          ...process.env,
          HOST: '127.0.0.1',
          PORT: '0',
          DATA_DIR: dirs.dataDir,
          LEVELS_DIR: dirs.levelsDir,
          DIST_DIR: dist,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
    await waitFor('the server listening', () => /localhost:(\d+)\//.test(output), 60_000);
    base = `http://127.0.0.1:${/localhost:(\d+)\//.exec(output)![1]}`;
    // The verification workers open files while they load; the descriptors are counted once
    // they are up, or the count would race their start.
    await waitFor(
      'the workers ready',
      () => /verification: \d+ worker\(s\) ready/.test(output),
      60_000,
    );
  }, 120_000);
  afterAll(async () => {
    for (const s of held) s.destroy();
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    dirs.cleanup();
  });

  it('answers a static file with 503 when no descriptor is left, and serves it again afterwards', async () => {
    // One keep-alive connection is open before the descriptors run out.
    const keep = connect({ host: '127.0.0.1', port: Number(new URL(base).port) });
    await new Promise((r) => keep.once('connect', r));
    let answers = '';
    keep.on('data', (d: Buffer) => (answers += d.toString('latin1')));
    // Then idle connections until the server has no descriptor left: the last ones are accepted
    // and closed at once by the OS-level fallback (libuv), which is how we see the limit is hit.
    for (let i = 0; i < 300; i++) {
      const s = connect({ host: '127.0.0.1', port: Number(new URL(base).port) });
      s.on('error', () => undefined);
      held.push(s);
    }
    await new Promise((r) => setTimeout(r, 1500));
    const open = held.filter((s) => !s.destroyed && s.readyState === 'open').length;
    expect(open).toBeLessThan(held.length);
    keep.write('GET /app.js HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n');
    await waitFor('an answer', () => /\r\n\r\n/.test(answers), 10_000);
    expect(answers).toMatch(/^HTTP\/1\.1 503/);
    expect(answers.toLowerCase()).toContain('retry-after:');
    expect(child.exitCode).toBe(null);
    // Descriptors free again: the same process serves the file.
    for (const s of held) s.destroy();
    keep.destroy();
    await new Promise((r) => setTimeout(r, 500));
    const res = await httpRequest(`${base}/app.js`);
    expect(res.status).toBe(200);
    expect(child.exitCode).toBe(null);
  }, 60_000);
});
