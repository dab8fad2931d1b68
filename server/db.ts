// The server's SQLite database (better-sqlite3, WAL): verified runs and team sessions. The
// schema is versioned by a one-row table and upgraded in order at start, so an older data
// directory is brought forward instead of being rejected or silently mismatched.
import { existsSync, mkdirSync, statSync } from 'node:fs';
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
  {
    // The exercise records of a session's review (issue 17). Feedback is anonymous: the entry has
    // no seat, name or token; session_feedback_sent only says which seats have answered (one form
    // per seat), and its rows are not linked to the entries. The improvement plan is one JSON list
    // per session, replaced whole on each save by the facilitator.
    version: 4,
    sql: `
      CREATE TABLE session_feedback (
        id            INTEGER PRIMARY KEY,
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        form_json     TEXT    NOT NULL
      );
      CREATE INDEX session_feedback_by_session ON session_feedback (session_id, id);
      CREATE TABLE session_feedback_sent (
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        seat          TEXT    NOT NULL,
        PRIMARY KEY (session_id, seat)
      );
      CREATE TABLE session_plan (
        session_id    INTEGER PRIMARY KEY REFERENCES sessions (id),
        rows_json     TEXT    NOT NULL,
        updated_at    TEXT    NOT NULL
      );
    `,
  },
  {
    // Exercises (server/sessions/exercises.ts): one controller running several rooms on the same
    // level and seed; its token is stored only as SHA-256. A room's bots (roles given to a bot)
    // and a log entry's bot mark; refusals of commands nobody sent from a client (bots and the
    // controller), so a refused bot command leaves a trace instead of vanishing.
    version: 5,
    sql: `
      CREATE TABLE exercises (
        id                 INTEGER PRIMARY KEY,
        code               TEXT    NOT NULL UNIQUE,
        name               TEXT    NOT NULL,
        level_id           TEXT    NOT NULL,
        seed               INTEGER NOT NULL,
        roles_json         TEXT    NOT NULL,
        controller_sha256  TEXT    NOT NULL UNIQUE,
        created_at         TEXT    NOT NULL
      );
      ALTER TABLE sessions ADD COLUMN exercise_id INTEGER;
      ALTER TABLE sessions ADD COLUMN team INTEGER;
      ALTER TABLE sessions ADD COLUMN bots_json TEXT NOT NULL DEFAULT '{}';
      CREATE INDEX sessions_by_exercise ON sessions (exercise_id) WHERE exercise_id IS NOT NULL;
      ALTER TABLE session_log ADD COLUMN bot TEXT;
      CREATE TABLE session_refusals (
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        tick          INTEGER NOT NULL,
        role          TEXT    NOT NULL,
        type          TEXT    NOT NULL,
        args_json     TEXT    NOT NULL,
        sender        TEXT    NOT NULL,
        code          TEXT    NOT NULL,
        created_at    TEXT    NOT NULL
      );
    `,
  },
  {
    // Evaluators (docs/TEAMS.md "Evaluators"): a room's evaluator key, stored only as SHA-256 like
    // every other secret; and their observations, the run file's `observations` records in the
    // order recorded (n from 1), kept apart from the command log because they never enter the game.
    // A seat's kind may now be 'evaluator': SQLite cannot widen a CHECK, so the seats table is
    // rebuilt with the same columns and keys.
    version: 6,
    sql: `
      CREATE TABLE session_seats_v6 (
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        seat          TEXT    NOT NULL,
        kind          TEXT    NOT NULL
                      CHECK (kind IN ('facilitator', 'player', 'projector', 'evaluator')),
        name          TEXT    NOT NULL,
        role          TEXT,
        token_sha256  TEXT    NOT NULL UNIQUE,
        removed       INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT    NOT NULL,
        PRIMARY KEY (session_id, seat)
      );
      INSERT INTO session_seats_v6 (session_id, seat, kind, name, role, token_sha256, removed, created_at)
        SELECT session_id, seat, kind, name, role, token_sha256, removed, created_at FROM session_seats ORDER BY rowid;
      DROP TABLE session_seats;
      ALTER TABLE session_seats_v6 RENAME TO session_seats;
      ALTER TABLE sessions ADD COLUMN evaluator_sha256 TEXT;
      CREATE TABLE session_observations (
        session_id    INTEGER NOT NULL REFERENCES sessions (id),
        n             INTEGER NOT NULL,
        record_json   TEXT    NOT NULL,
        seat          TEXT    NOT NULL,
        created_at    TEXT    NOT NULL,
        PRIMARY KEY (session_id, n)
      );
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

/** What /api/health says about the database: checked at start, updated when a query fails. */
export interface StorageState {
  state: 'ok' | 'corrupt' | 'failing';
  /** Why not ok: quick_check's first findings, or the last storage error. */
  detail?: string;
}

const storageStates = new WeakMap<Db, StorageState>();

/** The storage state of a database opened by openDatabase. */
export function storageState(db: Db): StorageState {
  return storageStates.get(db) ?? { state: 'ok' };
}

/**
 * Records a failed query: a corrupt file (SQLITE_CORRUPT, SQLITE_NOTADB) or one that cannot be
 * written (SQLITE_FULL, SQLITE_IOERR…) shows on /api/health from then on, instead of the health
 * check saying "ok" while lists answer 500.
 */
export function noteStorageError(db: Db, error: unknown): void {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return;
  const message = (error as Error).message;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')
    storageStates.set(db, { state: 'corrupt', detail: `${code}: ${message}` });
  else if (code.startsWith('SQLITE_FULL') || code.startsWith('SQLITE_IOERR'))
    storageStates.set(db, { state: 'failing', detail: `${code}: ${message}` });
}

export interface OpenOptions {
  /**
   * Start even when PRAGMA quick_check finds damage (ALLOW_CORRUPT_DB=1): the server then serves
   * what it can and /api/health reports the damage. By default it refuses to start.
   */
  allowCorrupt?: boolean;
}

/**
 * Opens (creating if needed) the database in `dataDir` and brings its schema to SCHEMA_VERSION.
 * Refuses, with an error that says what to do: an empty or vanished database file where there was
 * one, a database another server process holds, and (unless allowed) a damaged one.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, DB_FILE);
  refuseLostDatabase(file);
  const db = new Database(file);
  try {
    lockExclusively(db, dataDir);
    db.pragma('journal_mode = WAL');
    // WAL with NORMAL is durable across process crashes; only an OS crash can lose the last commits.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const problems = quickCheck(db);
    if (problems.length > 0) {
      const detail = problems
        .slice(0, 3)
        .map((p) => p.replace(/\s*\n\s*/g, ' / '))
        .join('; ');
      if (!options.allowCorrupt)
        throw new Error(
          `${file} is damaged (PRAGMA quick_check: ${detail}). Restore it from a backup, or ` +
            `recover what is readable (sqlite3 ${DB_FILE} .recover), or set ALLOW_CORRUPT_DB=1 ` +
            'to serve what can be read (/api/health then reports the damage)',
        );
      storageStates.set(db, { state: 'corrupt', detail });
    }
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

/**
 * A 0-byte database file, or a write-ahead log without its database, is what a lost or
 * truncated database looks like (the server writes the schema as soon as it creates the file).
 * SQLite would take either for a fresh database and every run and session would be gone without
 * a word; the operator decides instead.
 */
function refuseLostDatabase(file: string): void {
  const exists = existsSync(file);
  if (exists && statSync(file).size === 0)
    throw new Error(
      `${file} is empty (0 bytes): the database was truncated or lost. Restore it from a ` +
        'backup; to start with no runs and no sessions, delete the file',
    );
  if (!exists && existsSync(`${file}-wal`))
    throw new Error(
      `${file} is missing but its write-ahead log ${DB_FILE}-wal is there: the database was ` +
        'lost. Restore it from a backup; to start afresh, delete the -wal file',
    );
}

/**
 * Takes the database for this process alone until it exits (locking_mode EXCLUSIVE, held by the
 * OS, so a killed server leaves no stale lock). A second server on the same DATA_DIR would
 * otherwise serve the same rooms and their commands would collide.
 */
function lockExclusively(db: Db, dataDir: string): void {
  db.pragma('busy_timeout = 0');
  db.pragma('locking_mode = EXCLUSIVE');
  try {
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      throw new Error(
        `DATA_DIR ${dataDir} is in use by another server process (its database is locked). ` +
          'Stop that server first, or give this one another DATA_DIR',
        { cause: e },
      );
    throw e;
  }
}

/** PRAGMA quick_check's findings ([] when the file is sound). */
function quickCheck(db: Db): string[] {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    const found = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    return found;
  } catch (e) {
    // A badly damaged file fails the check itself (SQLITE_CORRUPT, SQLITE_NOTADB).
    return [(e as Error).message];
  }
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
