import { connectorStatusSchema } from "@wc/contracts";
import type { StoredFigures } from "./platform/metrics/metrics";
import type { Store } from "./store/types";
import { statusRule } from "@wc/workday";

/**
 * The store-backed gauges of platform/metrics/metrics.ts, read at scrape time. Both are one query
 * each (store/sqlite-store.ts, store/pg-store.ts): a grouped count, and two columns a connector,
 * so a scrape stays cheap with thousands of connectors
 * (10,000 connectors, 5,000 of them synced, on SQLite: about 2 ms and 13 ms a scrape, where listing
 * the records would take about 200 ms).
 */
export function storedFigures(store: Store, now: () => Date): StoredFigures {
  return {
    async connectorsByStatus() {
      const counts = await store.countConnectorsByStatus();
      return Object.fromEntries(connectorStatusSchema.options.map((s) => [s, counts[s] ?? 0]));
    },
    // Only connectors the sync works on (packages/workday STATUS_RULES: syncs) that finished a
    // window (the store lists only those): a disconnected connector's lag would grow forever and
    // page someone for nothing.
    async syncLagSeconds() {
      const at = now().getTime();
      return (await store.listSyncCoverage()).flatMap((c) =>
        statusRule(c.status).syncs ? [{ connectorId: c.connectorId, seconds: Math.max(0, (at - Date.parse(c.coveredUntil)) / 1000) }] : [],
      );
    },
  };
}
