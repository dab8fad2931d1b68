// The run library: every finished run kept on this device as its run file, in IndexedDB (via
// `idb`). Played runs are stored by Ops when they finish; imported files are verified against
// their level first (runImport.ts) and stored with the result, so the list never shows a score
// that a re-simulation did not give.
import type { DBSchema, IDBPDatabase } from 'idb';
import type { RunFile } from '../../game';

export const RUN_DB_NAME = 'one-twenty-five';
const STORE = 'runs';

export type RunVerification =
  | { ok: true; score: number }
  /** `code` is verification's failure code (shown in words in the player's language); `reason`
   *  its detail (ticks, hashes, ids). Older records have no code. */
  | { ok: false; reason: string; code?: string };

export interface StoredRun {
  id: number;
  /** ISO wall-clock time the run was stored (when it ended, or when it was imported). */
  savedAt: string;
  source: 'played' | 'imported';
  /** The imported file's name. */
  fileName?: string;
  verified: RunVerification;
  runFile: RunFile;
}

interface LibrarySchema extends DBSchema {
  runs: { key: number; value: StoredRun };
}

export class RunLibrary {
  private db?: Promise<IDBPDatabase<LibrarySchema>>;

  constructor(private readonly dbName = RUN_DB_NAME) {}

  private open(): Promise<IDBPDatabase<LibrarySchema>> {
    // idb is fetched on first use (a finished run, the Replays screen), not with the first screens.
    this.db ??= import('idb').then(({ openDB }) =>
      openDB<LibrarySchema>(this.dbName, 1, {
        upgrade(db) {
          db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
        },
      }),
    );
    return this.db;
  }

  /** Stores a run file; returns its id. */
  async put(
    runFile: RunFile,
    meta: {
      source: StoredRun['source'];
      verified: RunVerification;
      fileName?: string;
      savedAt?: string;
    },
  ): Promise<number> {
    const db = await this.open();
    const record: Omit<StoredRun, 'id'> = {
      savedAt: meta.savedAt ?? new Date().toISOString(),
      source: meta.source,
      verified: meta.verified,
      runFile,
      ...(meta.fileName ? { fileName: meta.fileName } : {}),
    };
    return db.add(STORE, record as StoredRun);
  }

  /** Every stored run, newest first. */
  async list(): Promise<StoredRun[]> {
    const db = await this.open();
    const all = await db.getAll(STORE);
    return all.sort((a, b) =>
      a.savedAt === b.savedAt ? b.id - a.id : a.savedAt < b.savedAt ? 1 : -1,
    );
  }

  async get(id: number): Promise<StoredRun | undefined> {
    return (await this.open()).get(STORE, id);
  }

  async delete(id: number): Promise<void> {
    await (await this.open()).delete(STORE, id);
  }

  async clear(): Promise<void> {
    await (await this.open()).clear(STORE);
  }

  close(): void {
    void this.db?.then((db) => db.close());
    this.db = undefined;
  }
}

/** The library the game uses. */
export const runLibrary = new RunLibrary();
