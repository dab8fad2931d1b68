import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer } from '../../../server/app';

let base = '';
let dir = '';
let close: () => void;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dist-'));
  mkdirSync(join(dir, 'audio'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>1·25</title>');
  writeFileSync(join(dir, 'audio', 'click.wav'), 'RIFF....WAVE');
  const server = createAppServer({ distDir: dir, version: '9.9.9' });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => {
  close();
  rmSync(dir, { recursive: true, force: true });
});

describe('app server', () => {
  it('should answer the health check with its version', async () => {
    const res = await fetch(`${base}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, version: '9.9.9' });
  });

  it('should serve files with their content type', async () => {
    const res = await fetch(`${base}/audio/click.wav`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/wav');
  });

  it('should give index.html for app routes but a 404 naming a missing file', async () => {
    expect(await (await fetch(`${base}/some/route`)).text()).toContain('1·25');
    const missing = await fetch(`${base}/audio/alarm.wav`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('/audio/alarm.wav');
  });

  it('should refuse path traversal, unknown API paths and writes', async () => {
    const traversal = await fetch(`${base}/..%2f..%2fetc%2fpasswd`);
    expect([403, 404]).toContain(traversal.status);
    expect((await fetch(`${base}/api/nope`)).status).toBe(404);
    expect((await fetch(`${base}/index.html`, { method: 'POST' })).status).toBe(405);
  });
});
