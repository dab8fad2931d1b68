/**
 * SHA-256 for the game core: the level hash and the run-file hash (which hash is for what:
 * docs/ARCHITECTURE.md, "Hashes").
 *
 * `@noble/hashes`: audited, small, and synchronous in the browser, the server and the CLI alike.
 * Not node:crypto (the core has no Node built-ins) and not SubtleCrypto (asynchronous, while the
 * core hashes inside synchronous reducers and verifiers).
 */
import { sha256 as sha256Digest } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** SHA-256 of a string's UTF-8 bytes, as 64 lowercase hex digits. */
export function sha256(text: string): string {
  return bytesToHex(sha256Digest(utf8ToBytes(text)));
}

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export function sha256Bytes(bytes: Uint8Array): string {
  return bytesToHex(sha256Digest(bytes));
}
