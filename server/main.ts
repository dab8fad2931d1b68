// `npm start` runs this after `vite build`: one process serving the game on http://localhost:8080
// (PORT and HOST override). Verified runs are kept in SQLite under DATA_DIR (default ./data,
// created if missing); runs are verified against LEVELS_DIR (default the repository's levels/).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServer } from './app.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer between 0 and 65535, got "${process.env.PORT}"`);
  process.exit(2);
}
const distDir = fileURLToPath(new URL('../dist', import.meta.url));
const dataDir = resolve(process.env.DATA_DIR ?? 'data');
const levelsDir = resolve(
  process.env.LEVELS_DIR ?? fileURLToPath(new URL('../levels', import.meta.url)),
);
let server: ReturnType<typeof createAppServer>;
try {
  server = createAppServer({ distDir, dataDir, levelsDir });
} catch (e) {
  console.error(`cannot open the database in ${dataDir}: ${(e as Error).message}`);
  process.exit(1);
}
server.on('error', (err: NodeJS.ErrnoException) => {
  console.error(
    err.code === 'EADDRINUSE'
      ? `Port ${port} is already in use; set PORT to another.`
      : err.message,
  );
  process.exit(1);
});
server.listen(port, host, () => {
  console.log(`1·25 is being served at http://localhost:${port}/`);
});
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
