// Tiny argument parser shared by the CLIs: `--name value`, `--flag`, and `--` separators. Unknown options
// are reported, not ignored, so a typo like --seeed fails instead of silently running the default.

export interface ArgSpec {
  /** Options that take a value. */
  values: readonly string[];
  /** Options that are boolean flags. */
  flags: readonly string[];
}

export interface ParsedArgs {
  values: Record<string, string>;
  flags: Set<string>;
  errors: string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const out: ParsedArgs = { values: {}, flags: new Set(), errors: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') continue;
    if (!a.startsWith('--')) {
      out.errors.push(`unexpected argument "${a}"`);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (spec.flags.includes(name)) {
      out.flags.add(name);
    } else if (spec.values.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
      if (v === undefined || (eq < 0 && v.startsWith('--'))) {
        out.errors.push(`--${name} needs a value`);
        if (v !== undefined) i--;
      } else out.values[name] = v;
    } else {
      out.errors.push(`unknown option --${name}`);
    }
  }
  return out;
}

/** Integer option or an error message. */
export function intOption(
  args: ParsedArgs,
  name: string,
  fallback: number,
  min = -Infinity,
): number {
  const v = args.values[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) {
    args.errors.push(
      `--${name} must be an integer${min > -Infinity ? ` ≥ ${min}` : ''} (got "${v}")`,
    );
    return fallback;
  }
  return n;
}
