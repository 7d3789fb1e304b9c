// The hand-off capability's public entry. Routes are mounted by app.ts.
export { handoffConsentHooks } from "./handoff-consent-hooks";
export type { HandoffLinkRecord, HandoffStore } from "./handoff-store";
