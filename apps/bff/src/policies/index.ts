// The policies capability's public entry: activity policies and the alerts they raise. Routes are mounted by app.ts.
export type { PolicyMatch, PolicyStore, PolicyRecord, AlertRecord } from "./policy-store";
export { INSERT_MATCH, matchParams } from "./alert-sql";
export { createPolicyMatcher, type PolicyMatcher, type LivePolicy } from "./policy-matcher";
export { decideAlerts, type DecideDeps } from "./alert-decide";
export { sqlitePolicyStore } from "./sqlite-policies";
export { pgPolicyStore } from "./pg-policies";
export { policiesRouter } from "./policies-routes";
export { alertsRouter } from "./alerts-routes";
