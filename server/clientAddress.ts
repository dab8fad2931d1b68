// Which address a request comes from, for the per-address limits. Only the TCP peer is a fact;
// X-Forwarded-For is text anyone can send. Behind `trustedHops` proxies of our own, each of them
// appends the address it saw, so the entry `trustedHops` places from the right is what the
// outermost trusted proxy saw: the client. Entries further left were written by the client and are
// ignored (taking the left-most one let a client choose its address and escape every limit).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** Longest address kept as a limiter key (an IPv6 address with a zone id fits). */
const MAX_ADDRESS_CHARS = 64;

/**
 * The client's address: the socket peer, or with `trustedHops` > 0 the right-most untrusted
 * X-Forwarded-For hop. A header shorter than the trusted chain (a request that did not pass
 * through every proxy) yields its left-most entry; an entry that is not an IP address yields the
 * socket peer rather than a key the client could vary.
 */
export function clientAddress(req: IncomingMessage, trustedHops: number): string {
  const peer = normalizeAddress(req.socket.remoteAddress) ?? 'unknown';
  if (trustedHops <= 0) return peer;
  const hops = forwardedFor(req);
  if (hops.length === 0) return peer;
  const entry = hops[Math.max(0, hops.length - trustedHops)]!;
  return normalizeAddress(entry) ?? peer;
}

/** The scheme the client used: X-Forwarded-Proto from a trusted proxy, else plain http. */
export function clientProto(req: IncomingMessage, trustedHops: number): 'http' | 'https' {
  if (trustedHops <= 0) return 'http';
  const raw = req.headers['x-forwarded-proto'];
  const last = (Array.isArray(raw) ? raw.join(',') : (raw ?? '')).split(',').at(-1)?.trim();
  return last === 'https' ? 'https' : 'http';
}

function forwardedFor(req: IncomingMessage): string[] {
  const raw = req.headers['x-forwarded-for'];
  return (Array.isArray(raw) ? raw.join(',') : (raw ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** An IP address in one spelling (IPv4-mapped IPv6 as IPv4; ports and brackets dropped), or undefined. */
export function normalizeAddress(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let a = raw.trim();
  if (a.length > MAX_ADDRESS_CHARS) return undefined;
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1]!;
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(':'));
  a = a.toLowerCase();
  if (a.startsWith('::ffff:') && isIP(a.slice(7)) === 4) a = a.slice(7);
  return isIP(a) ? a : undefined;
}

/** Reads TRUST_PROXY: unset/empty/0 = no proxy, N = N proxy hops of our own (1 … 10). */
export function parseTrustProxy(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return 0;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 10)
    throw new Error(
      `TRUST_PROXY must be the number of proxy hops of your own in front of the server (0 to 10), got "${value}"`,
    );
  return n;
}
