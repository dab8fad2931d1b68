// The shipped levels, as separate files fetched on demand (they are large; keeping them out of the
// app bundle keeps the first screen fast).
const levelUrls = import.meta.glob('../../levels/*.json', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

export interface LevelSummary {
  id: string;
  title: { ko: string; en: string };
  organisation: string;
  difficulty?: string;
  summary?: { ko: string; en: string };
  url: string;
}

export async function loadLevelSummaries(): Promise<LevelSummary[]> {
  const entries = await Promise.all(
    Object.entries(levelUrls).map(async ([path, url]) => {
      const id = path.replace(/^.*\//, '').replace(/\.json$/, '');
      try {
        const data = (await (await fetch(url)).json()) as {
          meta?: {
            title?: { ko?: string; en?: string };
            summary?: { ko: string; en: string };
            organisation?: string;
            difficulty?: string;
          };
        };
        const title = data.meta?.title;
        return {
          id,
          url,
          title: { ko: title?.ko ?? id, en: title?.en ?? id },
          organisation: data.meta?.organisation ?? 'isp',
          difficulty: data.meta?.difficulty,
          summary: data.meta?.summary,
        };
      } catch {
        return { id, url, title: { ko: id, en: id }, organisation: 'isp' };
      }
    }),
  );
  return entries.sort((a, b) => a.id.localeCompare(b.id));
}

/** One shipped level's title (fetches only that level's file); undefined if it cannot be read. */
export async function levelTitle(id: string): Promise<{ ko: string; en: string } | undefined> {
  const url = Object.entries(levelUrls).find(([path]) => path.endsWith(`/${id}.json`))?.[1];
  if (!url) return undefined;
  try {
    const data = (await (await fetch(url)).json()) as {
      meta?: { title?: { ko?: string; en?: string } };
    };
    const title = data.meta?.title;
    return title?.ko && title.en ? { ko: title.ko, en: title.en } : undefined;
  } catch {
    return undefined;
  }
}
