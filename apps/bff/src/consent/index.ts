// The consent capability's public entry. Routes are mounted by app.ts.
export { startConsent, startHandoffConsent, completeConsent, type CallbackClient, type ConsentDeps, type HandoffConsentHooks } from "./consent";
