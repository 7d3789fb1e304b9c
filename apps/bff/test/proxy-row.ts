import type { StoredActivityRow } from "../src/store/types";

/** A Start Proxy row by `admin` at `requestTime`, as the sync stores it (the default test policy matches it); `over` changes any field. */
export const proxyRow = (key: string, requestTime: string, over: Partial<StoredActivityRow> = {}): StoredActivityRow => ({
  key,
  requestTime,
  systemAccount: "admin",
  taskId: null,
  taskDisplayName: "Start Proxy",
  activityAction: "WRITE",
  ipAddress: "192.0.2.10",
  userAgent: "Mozilla/5.0",
  deviceType: "Desktop",
  sessionId: "s1",
  targetId: null,
  targetDescriptor: null,
  targetHref: null,
  ...over,
});
