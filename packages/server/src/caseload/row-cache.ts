/**
 * What the dashboard derives from large JSONB documents, kept between requests. A programme is
 * ~20 kB of JSONB (most of it rationale) and an assessment's questionnaires several kB; unpacking
 * them for 150 patients on every request was most of the dashboard's cost, in the database's CPU.
 *
 * Entries are keyed by the row's id and its `xmin` (the transaction that wrote this version of
 * the row): any UPDATE gives the row a new `xmin`, so a changed row is never answered from here.
 * Bounded: past `limit` entries, the least recently used go.
 */
export interface RowCache<T> {
  get(id: string, rowVersion: string): T | undefined;
  set(id: string, rowVersion: string, value: T): void;
}

/** Enough for several clinics' programmes and assessments in use; entries are a few hundred bytes. */
export const ROW_CACHE_SIZE = 20_000;

export function createRowCache<T>(limit = ROW_CACHE_SIZE): RowCache<T> {
  const entries = new Map<string, T>();
  return {
    get(id, rowVersion) {
      const key = `${id}:${rowVersion}`;
      const found = entries.get(key);
      if (found !== undefined) {
        // A Map keeps insertion order: inserting again marks the entry as recently used.
        entries.delete(key);
        entries.set(key, found);
      }
      return found;
    },
    set(id, rowVersion, value) {
      const key = `${id}:${rowVersion}`;
      entries.delete(key);
      entries.set(key, value);
      while (entries.size > limit) {
        const oldest = entries.keys().next();
        if (oldest.done === true) break;
        entries.delete(oldest.value);
      }
    },
  };
}
