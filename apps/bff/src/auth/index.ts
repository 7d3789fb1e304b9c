// The auth capability's public entry: what other capabilities may use. Routes are mounted by app.ts.
export { requireAdmin, requireAdminSession, requireSupport, requireRole } from "./roles";
export { currentPrincipal, requirePrincipal, setPrincipal, type Principal } from "./principal";
export { currentSession, currentUser, requireSession } from "./session-middleware";
export type { NewAuditEntry } from "./auth-store";
