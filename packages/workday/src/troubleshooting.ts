import type { ReasonCode } from "./reason-codes";
import { CONSENT_TROUBLESHOOTING } from "./troubleshooting-consent";
import type { TroubleshootingEntry } from "./troubleshooting-entry";
import { HEALTH_TROUBLESHOOTING } from "./troubleshooting-health";

export type { HealthStatus, TroubleshootingEntry, TroubleshootingField } from "./troubleshooting-entry";
export { CONSENT_TROUBLESHOOTING } from "./troubleshooting-consent";
export { HEALTH_TROUBLESHOOTING } from "./troubleshooting-health";

/** The troubleshooting catalog: one entry per {@link ReasonCode}, consent attempts and connector health. */
export const TROUBLESHOOTING: Record<ReasonCode, TroubleshootingEntry> = { ...CONSENT_TROUBLESHOOTING, ...HEALTH_TROUBLESHOOTING };
