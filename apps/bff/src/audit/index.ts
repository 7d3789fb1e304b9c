// The audit capability's public entry. Routes are mounted by app.ts.
export { actorOf, audit, diff, redactSecrets, type Actor, type AuditDeps, type AuditEvent } from "./audit";
