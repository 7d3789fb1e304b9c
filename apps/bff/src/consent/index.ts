// The consent capability's public entry. Routes are mounted by app.ts.
export { startConsent, completeConsent, type ConsentDeps } from "./consent";
