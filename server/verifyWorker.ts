// A verification worker thread (server/verifyPool.ts starts them): answers one job at a time
// from the pool with the result of a plain function of server/verifyJob.ts. The simulation is
// deterministic and pure, so running it here instead of on the event loop changes nothing but
// which thread pays for it.
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import {
  ghostJob,
  replayJob,
  sessionEndJob,
  verifyJob,
  type GhostInput,
  type ReplayInput,
  type SessionEndInput,
} from './verifyJob.ts';
import type { Level, RunFile } from '../src/game';

/** Nice value of a worker thread (0 normal, 19 lowest). */
const WORKER_NICE = 10;

export type WorkerJob =
  | { kind: 'verify'; file: RunFile; level: Level }
  | { kind: 'sessionEnd'; input: SessionEndInput }
  | { kind: 'replay'; input: ReplayInput }
  | { kind: 'ghost'; input: GhostInput };

export type WorkerReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

function run(job: WorkerJob): unknown {
  switch (job.kind) {
    case 'verify':
      return verifyJob(job.file, job.level);
    case 'sessionEnd':
      return sessionEndJob(job.input);
    case 'replay':
      return replayJob(job.input);
    case 'ghost':
      return ghostJob(job.input);
  }
}

// Lower this thread's scheduling priority (on Linux, setpriority on the calling thread affects only
// it): when the cores are busy, the event loop relaying the rooms' commands goes first and
// verification takes the time that is left. Raising one's nice value needs no privilege.
try {
  setPriority(WORKER_NICE);
} catch {
  // Not supported here (or refused): the worker runs at normal priority.
}

const port = parentPort;
if (!port) throw new Error('verifyWorker.ts runs as a worker thread (see verifyPool.ts)');
port.on('message', (m: { id: number; job: WorkerJob }) => {
  let reply: WorkerReply;
  try {
    reply = { id: m.id, ok: true, value: run(m.job) };
  } catch (e) {
    // A bug in one job answers that job; the worker stays up for the next one.
    reply = { id: m.id, ok: false, error: (e as Error).stack ?? String(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
