import { connectorSummarySchema, type TimelineEntry } from "@wc/contracts";
import type { ConnectorPatch, Store } from "./types";

/**
 * What the list shows. A write touching none of these but lastSuccessAt (a passing check's new
 * timestamp), with no timeline entry, changes no page's rows, order by status or counts; its
 * answers may trail it by `ttlMs`, as another replica's writes do. Without this, a health round's
 * thousands of writes left the list nothing to share and every request paid for the counts.
 */
const LISTED = new Set<string>(Object.keys(connectorSummarySchema.shape).filter((k) => k !== "lastSuccessAt"));
const changesTheList = (patch: ConnectorPatch, timeline: TimelineEntry | undefined) => timeline !== undefined || Object.keys(patch).some((k) => LISTED.has(k));

export interface ConnectorReadCacheOptions {
  /** How long an answer may be reused when this process wrote no connector; bounds staleness from other replicas. */
  ttlMs: number;
  now?: () => number;
  /** Answers kept at most; the oldest go first. */
  maxEntries?: number;
}

interface Entry {
  value: Promise<unknown>;
  at: number;
  generation: number;
}

/**
 * The connectors list's reads, shared between requests: every visit to App Connectors asks for
 * the same first page and the counts by status (which read an index entry per connector, 10,000
 * on a large console), and each list request used to be most of its own time in those queries
 * (bench/README.md, P3). An answer is reused until this process writes a connector (the
 * generation moves at the start and the end of each write, so an answer that overlapped a write
 * is never kept; a write of check times and tokens only does not count, see LISTED) or `ttlMs` passes, which bounds how far behind another replica's write it can be,
 * as for the activity counts (count-cache.ts).
 */
export function withConnectorReadCache(store: Store, options: ConnectorReadCacheOptions): Store {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 200;
  const entries = new Map<string, Entry>();
  let generation = 0;

  const shared = <T>(key: string, read: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && hit.generation === generation && now() - hit.at < options.ttlMs) return hit.value as Promise<T>;
    const value = read();
    const entry: Entry = { value, at: now(), generation };
    entries.delete(key);
    entries.set(key, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    // A failed read is never reused.
    value.catch(() => {
      if (entries.get(key) === entry) entries.delete(key);
    });
    return value;
  };
  const aroundWrite = async <T>(write: () => Promise<T>): Promise<T> => {
    generation++;
    try {
      return await write();
    } finally {
      generation++;
    }
  };

  return {
    ...store,
    countConnectorsByStatus: () => shared("counts", () => store.countConnectorsByStatus()),
    listConnectorPage: (q) => shared(`page ${JSON.stringify(q)}`, () => store.listConnectorPage(q)),
    countConnectors: (filter) => shared(`total ${JSON.stringify(filter)}`, () => store.countConnectors(filter)),
    listConnectorNames: () => shared("names", () => store.listConnectorNames()),
    insertConnector: (rec, timeline) => aroundWrite(() => store.insertConnector(rec, timeline)),
    updateConnector: (id, patch, timeline, events) =>
      changesTheList(patch, timeline)
        ? aroundWrite(() => store.updateConnector(id, patch, timeline, events))
        : store.updateConnector(id, patch, timeline, events),
    deleteConnector: (id) => aroundWrite(() => store.deleteConnector(id)),
  };
}
