// What every bench part shares: the figure it reports (printed by `npm run bench` as a table and
// JSON), numbers read from the environment, and the lines a part prints when run on its own
// (`npx tsx src/cli/<part>.ts`).
import { fileURLToPath } from 'node:url';

export type Figure = {
  name: string;
  value: number | string;
  unit: string;
  budget?: string;
  ok?: boolean;
};

/** A positive number from the environment, or `dflt` when unset or not one. */
export function envNum(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

/** When the module at `moduleUrl` is the script being run, runs `part` and prints its figures. */
export function runWhenMain(moduleUrl: string, part: () => Promise<Figure[]>): void {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  part().then(
    (figures) => {
      for (const f of figures)
        console.log(
          `${f.name}: ${f.value} ${f.unit}${f.budget ? ` (budget ${f.budget})` : ''}${f.ok === false ? '  OVER' : ''}`,
        );
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
