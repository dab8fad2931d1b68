// Room codes and seat tokens. Tokens are 256 random bits from the OS CSPRNG; the server keeps
// only their SHA-256, so a copy of the database cannot be used to take a seat.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../src/net/protocol.ts';

/** A new seat or facilitator token: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database and the in-memory index hold instead of the token. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A room code: ROOM_CODE_LENGTH characters of an alphabet without look-alikes, drawn uniformly
 * (randomInt has no modulo bias). 31⁶ ≈ 8.9·10⁸ codes; with failed joins limited per IP, guessing
 * a live room's code is impractical within its lifetime.
 */
export function newRoomCode(): string {
  let code = '';
  for (let i = 0; i < ROOM_CODE_LENGTH; i++)
    code += ROOM_CODE_ALPHABET[randomInt(ROOM_CODE_ALPHABET.length)];
  return code;
}
