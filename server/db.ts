// The server's SQLite database (better-sqlite3, WAL): verified runs and team sessions. The
// schema is versioned by a one-row table and upgraded in order at start, so an older data
// directory is brought forward instead of being rejected or silently mismatched.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runKey } from './runKey.ts';

export type Db = Database.Database;

export const DB_FILE = 'one-twenty-five.db';

/**
 * Migrations by target version; never edit a released one, add the next. `data` runs after the
 * SQL in the same transaction, for steps SQL cannot do (hashing stored files).
 */
const MIGRATIONS: { version: number; sql: string; data?: (db: Db) => void }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE runs (
        id           INTEGER PRIMARY KEY,
        level_id     TEXT    NOT NULL,
        level_sha256 TEXT    NOT NULL,
        seed         INTEGER NOT NULL,
        player       TEXT,
        score_total  REAL    NOT NULL,
        parts_json   TEXT    NOT NULL,
        final_hash   TEXT    NOT NULL,
        -- SHA-256 of the run file as stored: the same run posted twice is stored once.
        file_sha256  TEXT    NOT NULL UNIQUE,
        run_json     TEXT    NOT NULL,
        game_version TEXT    NOT NULL,
        created_at   TEXT    NOT NULL
      );
      CREATE INDEX runs_by_level_score ON runs (level_id, score_total DESC, id);
    `,
  },
  {
    // Team sessions (server/sessions): a room, its seats and its ordered command log. Tokens are
    // stored only as SHA-256; now_ms is the room's engine time, written at least every second
    // and with every command, so a restart replays the log to where the room was.
    version: 2,
    sql: `
      CREATE TABLE sessions (
        id            INTEGER PRIMARY KEY,
        code          TEXT    NOT NULL UNIQUE,
        level_id      TEXT    NOT NULL,
        level_sha256  TEXT    NOT NULL,
        seed          INTEGER NOT NULL,
        roles_json    TEXT    NOT NULL,
        state         TEXT    NOT NULL CHECK (state IN ('lobby', 'running', 'ended')),
        now_ms        INTEGER NOT NULL,
        run_id        INTEGER REFERENCES runs (id),
        end_reason    TEXT,
        created_at    TEXT    NOT NULL,
        updated_at    TEXT    NOT NULL
      );
      CREATE INDEX sessions_live ON sessions (state) WHERE state <> 'ended';
      CREATE TABLE session_seats (
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        seat          TEXT    NOT NULL,
        kind          TEXT    NOT NULL CHECK (kind IN ('facilitator', 'player', 'projector')),
        name          TEXT    NOT NULL,
        role          TEXT,
        token_sha256  TEXT    NOT NULL UNIQUE,
        removed       INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT    NOT NULL,
        PRIMARY KEY (session_id, seat)
      );
      CREATE TABLE session_log (
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        seq           INTEGER NOT NULL,
        tick          INTEGER NOT NULL,
        role          TEXT    NOT NULL,
        type          TEXT    NOT NULL,
        args_json     TEXT    NOT NULL,
        seat          TEXT    NOT NULL,
        client_seq    INTEGER NOT NULL,
        PRIMARY KEY (session_id, seq)
      );
    `,
  },
  {
    // Deduplication on what a run is (server/runKey.ts) instead of its file's bytes: a file with
    // only its versions, player names or endMs changed is the same run. Not UNIQUE, because
    // databases of older servers may already hold such copies; the API checks the key before
    // every insert instead (on the event loop, so check and insert cannot interleave).
    version: 3,
    sql: `
      ALTER TABLE runs ADD COLUMN run_key TEXT;
      CREATE INDEX runs_by_key ON runs (run_key);
    `,
    data: (db) => {
      const rows = db.prepare('SELECT id, run_json FROM runs').all() as {
        id: number;
        run_json: string;
      }[];
      const set = db.prepare('UPDATE runs SET run_key = ? WHERE id = ?');
      for (const r of rows)
        set.run(runKey(JSON.parse(r.run_json) as Parameters<typeof runKey>[0]), r.id);
    },
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** Opens (creating if needed) the database in `dataDir` and brings its schema to SCHEMA_VERSION. */
export function openDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL is durable across process crashes; only an OS crash can lose the last commits.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as
    { version: number } | undefined;
  const current = row?.version ?? 0;
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `database schema version ${current} is newer than this server's ${SCHEMA_VERSION}; upgrade the server`,
    );
  }
  const upgrade = db.transaction(() => {
    for (const m of MIGRATIONS)
      if (m.version > current) {
        db.exec(m.sql);
        m.data?.(db);
      }
    db.prepare('DELETE FROM schema_version').run();
    db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(SCHEMA_VERSION);
  });
  if (current < SCHEMA_VERSION) upgrade();
}

export function schemaVersion(db: Db): number {
  return (db.prepare('SELECT version FROM schema_version').get() as { version: number }).version;
}
