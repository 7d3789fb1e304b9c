import { hash } from "node:crypto";
import type { SyncSettings } from "@wc/contracts";
import { activityRowKey, type ActivityRecord } from "@wc/workday";
import type { StoredActivityRow, SyncStateRecord } from "../store/types";

// One-shot SHA-256 (node:crypto `hash`, Node ≥ 20.12): no Hash object per row on the hot path.
const sha256 = (material: string) => hash("sha256", material, "base64url");

/** Workday rows with their natural keys, ready for the store. */
export function withKeys(rows: ActivityRecord[]): StoredActivityRow[] {
  return rows.map((r) => ({ ...r, key: activityRowKey(r, sha256) }));
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
