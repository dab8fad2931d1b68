// Turning zod issues into one readable line per problem, named by its path in the file:
//   network.links[3].capacityMbps: expected number, received string
// The game core reuses this for the whole level file.
import type { z } from './zod';

export function formatPath(path: readonly PropertyKey[], prefix?: string): string {
  let out = prefix ?? '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += (out.length > 0 ? '.' : '') + String(seg);
  }
  return out;
}

export function formatZodIssues(error: z.core.$ZodError, prefix?: string): string[] {
  return error.issues.map((issue) => {
    const where = formatPath(issue.path, prefix);
    // zod 4 prefixes type errors with 'Invalid input: '; the path already says where.
    const msg = issue.message.replace(/^Invalid input: /, '');
    return `${where.length > 0 ? where : '(root)'}: ${msg}`;
  });
}
