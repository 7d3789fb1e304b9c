import { DETAILS_FIELDS, isDetailsField, NOTIFICATION_EVENT_LABELS, STATUS_LABELS, type AuditAction, type NotificationEvent } from "@wc/contracts";
import { reasonTitle } from "../../components/ui/troubleshooting-entry";
import { formatUtc } from "@wc/workday";
import { ENVIRONMENT_NAMES, ROLE_NAMES, SIGN_IN_SOURCE_NAMES } from "../../lib/labels";

/** What each code the BFF writes means, in the words of the page it happened on. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "auth.signed_in": "Signed in",
  "auth.sign_in_failed": "Sign-in failed",
  "auth.signed_out": "Signed out",
  "auth.setup_completed": "First admin set up",
  "auth.password_changed": "Own password changed",
  "user.created": "User added",
  "user.updated": "User changed",
  "user.password_reset": "User's password reset",
  "user.removed": "User removed",
  "user.sessions_ended": "User's sessions ended",
  "connector.created": "Connector created",
  "connector.deleted": "Connector deleted",
  "connector.wizard_saved": "Setup progress saved",
  "connector.details_saved": "Details saved",
  "connector.consent_started": "Consent started",
  "connector.consent_succeeded": "Consent granted",
  "connector.consent_failed": "Consent failed",
  "connector.checks_run": "Checks run",
  "connector.disconnected": "Disconnected",
  "connector.sync_settings_changed": "Sync settings changed",
  "connector.resync_requested": "Re-sync requested",
  "connector.handoff_link_created": "Hand-off link created",
  "connector.handoff_link_revoked": "Hand-off link revoked",
  "connector.handoff_link_used": "Hand-off link used",
  "connector.handoff_link_expired": "Hand-off link expired",
  "api_token.created": "API token created",
  "api_token.revoked": "API token revoked",
  "api_token.refused": "API token refused",
  "key.rotated": "Encryption key rotated",
  "notification.channel_created": "Channel added",
  "notification.channel_updated": "Channel changed",
  "notification.channel_deleted": "Channel deleted",
  "notification.secret_rotated": "Channel signing secret replaced",
  "notification.test_sent": "Test notification sent",
  "policy.created": "Policy added",
  "policy.updated": "Policy changed",
  "policy.deleted": "Policy deleted",
  "alert.resolved": "Alert resolved",
  "alert.dismissed": "Alert dismissed",
  "alert.reopened": "Alert reopened",
  "alerts.resolved": "Alerts resolved together",
  "alerts.dismissed": "Alerts dismissed together",
  "alerts.reopened": "Alerts reopened together",
};

/** The fields the BFF records in before/after; anything else is named from its key ("sessionsEnded" → "Sessions ended"). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  status: "Status",
  reasonCode: "Reason",
  role: "Role",
  source: "Sign-in",
  email: "Email",
  name: "Name",
  tenant: "Tenant",
  environment: "Environment",
  mode: "Consent in",
  wizardStep: "Furthest step",
  prerequisites: "Prerequisites ticked",
  tenantSetup: "Tenant setup ticked",
  url: "URL",
  connectorIds: "Connectors",
  eventId: "Test event",
  backfillDays: "Backfill days",
  pollIntervalMinutes: "Poll interval (minutes)",
  lagMinutes: "Lag (minutes)",
  retentionDays: "Keep rows (days)",
  linkId: "Hand-off link",
  handoffLinkId: "Through hand-off link",
  expiresInHours: "Valid for (hours)",
};

function fromKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}

/** A field of an audit entry in words: its own label, the details form's label, or its key spelled out. */
export function fieldLabel(key: string): string {
  const known = FIELD_LABELS[key];
  if (known !== undefined) return known;
  if (isDetailsField(key)) return DETAILS_FIELDS[key].label;
  const secret = /^(.+)Hint$/.exec(key)?.[1];
  if (secret !== undefined && isDetailsField(secret)) return `${DETAILS_FIELDS[secret].label} (last characters)`;
  return fromKey(key);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const lookup = (table: Readonly<Record<string, string>>, value: string) => table[value] ?? value;
const isEvent = (value: string): value is NotificationEvent => value in NOTIFICATION_EVENT_LABELS;

/** The words for a string value of a known field: "connected" → "Connected", "support" → "Support (read-only)". */
function namedValue(key: string, value: string): string {
  switch (key) {
    case "status":
      return lookup(STATUS_LABELS, value);
    case "role":
      return lookup(ROLE_NAMES, value);
    case "source":
      return lookup(SIGN_IN_SOURCE_NAMES, value);
    case "environment":
      return lookup(ENVIRONMENT_NAMES, value);
    case "reasonCode":
      return reasonTitle(value);
    case "wizardStep":
      // Features do not import each other, so the step's code is spelled out rather than its wizard title.
      return fromKey(value);
    case "events":
      return isEvent(value) ? NOTIFICATION_EVENT_LABELS[value] : value;
    default:
      return ISO_INSTANT.test(value) ? formatUtc(value) : value;
  }
}

const MAX = 80;

/** A recorded value in words; long structures are cut short, a checklist is counted. */
export function valueText(key: string, value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (typeof value === "string") return namedValue(key, value);
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.length === 0 ? "none" : value.map((v) => namedValue(key, v)).join(", ");
  if (typeof value === "object" && Object.values(value).every((v) => typeof v === "boolean")) {
    const ticks = Object.values(value);
    return `${ticks.filter(Boolean).length} of ${ticks.length}`;
  }
  const json = JSON.stringify(value) ?? typeof value;
  return json.length > MAX ? `${json.slice(0, MAX - 1)}…` : json;
}
