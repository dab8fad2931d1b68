// Entry of a verification worker thread (server/verifyPool.ts): gives the thread tsx's TypeScript
// loader, then loads the worker itself. Plain JavaScript because nothing can load .ts before this
// runs: on Node 20, `execArgv: ['--import', 'tsx']` does not apply the loader to a worker's own
// entry module ("Unknown file extension .ts"), while registering it here does.
import { register } from 'tsx/esm/api';

register();
await import('./verifyWorker.ts');
