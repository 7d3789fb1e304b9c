// The consent capability's public entry. Routes are mounted by app.ts.
export { startConsent, completeConsent, TRANSACTION_TTL_MS, type ConsentDeps } from "./consent";
