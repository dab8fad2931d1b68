// Issue 14 item 2, client addresses behind a proxy: with TRUST_PROXY=N the address is the
// right-most untrusted X-Forwarded-For hop (what our own proxy saw), never an entry the client
// wrote; live rooms are capped per address; every 429 says when to retry.
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy } from '../../../server/clientAddress';
import { tempDirs } from './fixtures';
import { httpRequest, join, openSocket } from './gateHelpers';
import { startSessionServer, type RunningServer } from './sessionsHelpers';

const fakeReq = (peer: string, xff?: string) =>
  ({
    socket: { remoteAddress: peer },
    headers: xff === undefined ? {} : { 'x-forwarded-for': xff },
  }) as unknown as IncomingMessage;

describe('item 2: client address from X-Forwarded-For', () => {
  it('takes the right-most untrusted hop for the configured number of proxies', () => {
    expect(clientAddress(fakeReq('10.0.0.1', '6.6.6.6, 203.0.113.7'), 0)).toBe('10.0.0.1');
    // One proxy (nginx with $proxy_add_x_forwarded_for): the client wrote 6.6.6.6, nginx saw .7.
    expect(clientAddress(fakeReq('10.0.0.1', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    // Two proxies: a CDN appended what it saw, then our proxy appended the CDN.
    expect(clientAddress(fakeReq('10.0.0.1', '6.6.6.6, 203.0.113.7, 198.51.100.2'), 2)).toBe(
      '203.0.113.7',
    );
    // Fewer entries than trusted hops: the furthest one there is.
    expect(clientAddress(fakeReq('10.0.0.1', '203.0.113.7'), 2)).toBe('203.0.113.7');
    // Not an address: the peer, not a key the client could vary.
    expect(clientAddress(fakeReq('10.0.0.1', 'x'.repeat(500)), 1)).toBe('10.0.0.1');
    expect(clientAddress(fakeReq('::ffff:10.0.0.1'), 1)).toBe('10.0.0.1');
    expect(clientAddress(fakeReq('10.0.0.1', '[2001:db8::1]:443'), 1)).toBe('2001:db8::1');
  });

  it('reads TRUST_PROXY as a number of hops and names a bad value', () => {
    expect(parseTrustProxy(undefined)).toBe(0);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(() => parseTrustProxy('yes')).toThrow(/TRUST_PROXY.*"yes"/);
  });
});

describe('item 2: limits behind a trusted proxy (TRUST_PROXY=1)', () => {
  let dirs: ReturnType<typeof tempDirs>;
  let srv: RunningServer;

  beforeAll(async () => {
    dirs = tempDirs();
    srv = await startSessionServer({
      dataDir: dirs.dataDir,
      levelsDir: dirs.levelsDir,
      sessions: { trustProxy: 1, joinFailuresPerIp: 3, roomsPerIp: 2, sessionsPerIpHour: 4 },
    });
  });
  afterAll(async () => {
    await srv.close();
    dirs.cleanup();
  });

  const create = (xff: string) =>
    httpRequest(`${srv.base}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': xff },
      body: JSON.stringify({ level: 'backbone-isp', roles: ['comms'] }),
    });

  it('counts failed joins against the address the proxy saw, whatever the client prepends', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      // The client varies the left part; the proxy appended the same real address each time.
      const s = await openSocket(srv.wsUrl, {
        headers: { 'x-forwarded-for': `10.9.${i}.1, 198.51.100.9` },
      });
      s.send(join('ZZZZZ' + 'ABCDE'[i]));
      const m = await s.frame('error');
      answers.push(m.t === 'error' ? m.code : m.t);
      s.ws.close();
    }
    expect(answers).toEqual([
      'UNKNOWN_ROOM',
      'UNKNOWN_ROOM',
      'UNKNOWN_ROOM',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });

  it('caps live rooms per address and answers 429 with Retry-After; another address still creates', async () => {
    expect((await create('6.6.6.1, 198.51.100.20')).status).toBe(201);
    expect((await create('6.6.6.2, 198.51.100.20')).status).toBe(201);
    const third = await create('6.6.6.3, 198.51.100.20');
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(third.body)).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect((await create('6.6.6.3, 198.51.100.21')).status).toBe(201);
  });

  it('sends Retry-After with the sessions-per-hour 429', async () => {
    const statuses: number[] = [];
    let last;
    for (let i = 0; i < 5; i++) {
      last = await create(`198.51.100.${30 + i}, 198.51.100.30`);
      statuses.push(last.status);
      // Free the live-room cap so only the hourly limit is in play.
      if (last.status === 201)
        srv.server!.sessions!.rooms.get(JSON.parse(last.body).code)!.state = 'ended';
    }
    expect(statuses).toEqual([201, 201, 201, 201, 429]);
    expect(Number(last!.headers['retry-after'])).toBeGreaterThan(3000);
  });
});
