import { hash } from "node:crypto";
import type { SyncSettings } from "@wc/contracts";
import { activityRowKey, type ActivityRecord } from "@wc/workday";
import type { StoredActivityRow, SyncStateRecord } from "../store/types";

// One-shot SHA-256 (node:crypto `hash`, Node ≥ 20.12): no Hash object per row on the hot path.
const sha256 = (material: string) => hash("sha256", material, "base64url");

/**
 * Workday rows with their natural keys, ready for the store. Keyed in place: the records are
 * this page's own, fresh from parsing, and a copy per row would cost as much as its hash.
 */
export function withKeys(rows: ActivityRecord[]): StoredActivityRow[] {
  return rows.map((r) => Object.assign(r, { key: activityRowKey(r, sha256) }));
}

/** A connector's settings: its own where set, the deployment's ACTIVITY_* defaults otherwise. */
export function effectiveSettings(state: SyncStateRecord | null, defaults: SyncSettings): SyncSettings {
  const own = state?.settings;
  return {
    backfillDays: own?.backfillDays ?? defaults.backfillDays,
    pollIntervalMinutes: own?.pollIntervalMinutes ?? defaults.pollIntervalMinutes,
    lagMinutes: own?.lagMinutes ?? defaults.lagMinutes,
    retentionDays: own?.retentionDays ?? defaults.retentionDays,
  };
}
