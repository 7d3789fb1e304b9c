// The health capability's public entry.
export { runChecks, runDueChecks, moveHealth, AFTER_SANDBOX_REFRESH_MS, type HealthDeps, type HealthOptions, type StatusMoveDeps } from "./health";
