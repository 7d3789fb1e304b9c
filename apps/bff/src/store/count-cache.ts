import type { ActivityFilter } from "@wc/contracts";
import type { Store } from "./types";

export interface CountCacheOptions {
  /** How long a count may be reused when nothing in this process wrote rows; bounds staleness from other replicas. */
  ttlMs: number;
  now?: () => number;
  /** Entries kept at most; the oldest go first. */
  maxEntries?: number;
}

interface Entry {
  value: Promise<number>;
  at: number;
  generation: number;
}

/**
 * Activity row counts for the status pages, shared between requests. Counting a connector's rows
 * reads its whole primary-key range (about 80 ms for 1,000,000 rows on SQLite), and every open
 * connector page asks for it, so 200 sessions reading the pages queued behind the same count
 * (bench/src/load.ts timed requests out after 30 s). Requests for the same count at the same moment
 * share one query; a finished count is reused until this process writes or prunes that
 * connector's rows (the generation moves at the start and the end of each write, so a count that
 * overlapped a write is never kept) or `ttlMs` passes, which bounds how far behind a write made by
 * another replica a count can be.
 */
export function withCountCache(store: Store, options: CountCacheOptions): Store {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, Entry>();
  const generations = new Map<string, number>();
  let allGeneration = 0;

  const generationOf = (filter: ActivityFilter) => (filter.connectorId === undefined ? allGeneration : (generations.get(filter.connectorId) ?? 0));
  const moved = (connectorId: string) => {
    generations.set(connectorId, (generations.get(connectorId) ?? 0) + 1);
    allGeneration++;
  };
  const aroundWrite = async <T>(connectorId: string, write: () => Promise<T>): Promise<T> => {
    moved(connectorId);
    try {
      return await write();
    } finally {
      moved(connectorId);
    }
  };

  return {
    ...store,
    countActivity(filter) {
      const key = JSON.stringify(Object.entries(filter).sort(([a], [b]) => a.localeCompare(b)));
      const generation = generationOf(filter);
      const hit = entries.get(key);
      if (hit && hit.generation === generation && now() - hit.at < options.ttlMs) return hit.value;
      const value = store.countActivity(filter);
      const entry: Entry = { value, at: now(), generation };
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
      // A failed count is never reused.
      value.catch(() => {
        if (entries.get(key) === entry) entries.delete(key);
      });
      return value;
    },
    commitActivityPage: (connectorId, rows, checkpoint, alerts, fence) =>
      aroundWrite(connectorId, () => store.commitActivityPage(connectorId, rows, checkpoint, alerts, fence)),
    pruneActivity: (connectorId, before) => aroundWrite(connectorId, () => store.pruneActivity(connectorId, before)),
    deleteConnector: (id) => aroundWrite(id, () => store.deleteConnector(id)),
  };
}
