import type { AlertDetail, AlertView, BacktestResponse, PolicyView } from "@wc/contracts";

/** A high-severity policy on every connector: any run of Start Proxy, no open alerts. */
export function makePolicy(overrides: Partial<PolicyView> = {}): PolicyView {
  return {
    id: "p1",
    name: "Proxy session started",
    description: "",
    severity: "high",
    enabled: true,
    connectorIds: null,
    condition: { all: [{ field: "taskDisplayName", op: "is", values: ["Start Proxy"] }] },
    threshold: null,
    outsideHours: null,
    templateId: null,
    effectiveFrom: "2026-11-20T09:00:00.000Z",
    createdAt: "2026-11-20T09:00:00.000Z",
    createdBy: "Ada Admin",
    updatedAt: "2026-11-20T09:00:00.000Z",
    updatedBy: "Ada Admin",
    openAlerts: 0,
    ...overrides,
  };
}

/** An open alert of policy p1 about lmcneil on connector c1: three rows over five minutes. */
export function makeAlert(overrides: Partial<AlertView> = {}): AlertView {
  return {
    id: "a1",
    policyId: "p1",
    policyName: "Proxy session started",
    severity: "high",
    connector: { id: "c1", name: "Acme sandbox", tenant: "acme_impl" },
    account: "lmcneil",
    status: "open",
    rowCount: 3,
    firstRowAt: "2026-11-21T09:15:07.123Z",
    lastRowAt: "2026-11-21T09:20:00.456Z",
    raisedAt: "2026-11-21T09:20:30.000Z",
    note: null,
    closedBy: null,
    closedAt: null,
    ...overrides,
  };
}

export function makeAlertDetail(overrides: Partial<AlertDetail> = {}): AlertDetail {
  const row = (id: string, requestTime: string) => ({
    id,
    requestTime,
    systemAccount: "lmcneil",
    taskDisplayName: "Start Proxy",
    activityAction: "WRITE",
    ipAddress: "203.0.113.7",
    userAgent: "Mozilla/5.0",
    deviceType: "Desktop",
    targetDescriptor: "Betty Liu",
  });
  return {
    ...makeAlert(),
    rows: [row("r1", "2026-11-21T09:15:07.123Z"), row("r2", "2026-11-21T09:18:00.000Z"), row("r3", "2026-11-21T09:20:00.456Z")],
    moreRows: false,
    ...overrides,
  };
}

/** Three alerts from 57 rows over the last 7 days, one shown. */
export function makeBacktest(overrides: Partial<BacktestResponse> = {}): BacktestResponse {
  return {
    alerts: 3,
    rows: 57,
    scanned: 12_345,
    from: "2026-11-23T10:00:00.000Z",
    to: "2026-11-30T10:00:00.000Z",
    truncated: false,
    examples: [{ connectorId: "c1", account: "lmcneil", rows: 20, firstRowAt: "2026-11-29T08:00:00.000Z", lastRowAt: "2026-11-29T08:04:00.000Z" }],
    ...overrides,
  };
}
