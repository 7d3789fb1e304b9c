// The auth capability's public entry: what other capabilities may use. Routes are mounted by app.ts.
export { requireAdmin, requireSupport, requireRole } from "./roles";
export { currentSession, currentUser, requireSession } from "./session-middleware";
export type { NewAuditEntry } from "./auth-store";
