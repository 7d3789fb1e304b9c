import type { StoredActivityRow } from "../src/store/types";

/** Row `i` of one connector's activity as the sync stores it: `ada` reading, one second after the one before. */
export const storedRow = (i: number): StoredActivityRow => ({
  key: `k${String(i).padStart(6, "0")}`,
  requestTime: new Date(Date.UTC(2026, 2, 1, 0, 0, i)).toISOString(),
  systemAccount: "ada",
  taskId: null,
  taskDisplayName: null,
  activityAction: "READ",
  ipAddress: null,
  userAgent: null,
  deviceType: null,
  sessionId: null,
  targetId: null,
  targetDescriptor: null,
  targetHref: null,
});
