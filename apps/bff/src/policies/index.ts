// The policies capability's public entry: activity policies and the alerts they raise. Routes are mounted by app.ts.
export type { PolicyMatch, PolicyStore, PolicyRecord, AlertRecord, AlertWrites } from "./policy-store";
export { createPolicyMatcher, type PolicyMatcher, type LivePolicy } from "./policy-matcher";
export { alertSession, type AlertSession, type PageDeps } from "./alert-session";
export { sqliteAlertBatches } from "./sqlite-alert-writes";
export { pgWriteAlerts } from "./pg-alert-writes";
export { sqlitePolicyStore } from "./sqlite-policies";
export { pgPolicyStore } from "./pg-policies";
export { policiesRouter } from "./policies-routes";
export { alertsRouter } from "./alerts-routes";
