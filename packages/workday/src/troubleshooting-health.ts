import type { TroubleshootingEntry } from "./troubleshooting";

type HealthCode =
  | "refresh_invalid_grant"
  | "sandbox_refreshed"
  | "refresh_invalid_client"
  | "access_token_rejected"
  | "permission_system_auditing"
  | "permission_worker_data"
  | "activity_logging_disabled"
  | "rest_endpoint_not_found"
  | "workday_unavailable"
  | "workday_timeout"
  | "rate_limited"
  | "malformed_response"
  | "disconnected_by_admin";

const ACTIVATE =
  'Run "Activate Pending Security Policy Changes" (with a comment) and confirm: a change that is not activated has no effect, which is the most common reason this persists.';
const RETRIES = "Nothing to do yet: the console retries on its own with growing pauses (and waits as long as Workday's Retry-After asks).";

/**
 * Health reason codes in Workday's own terms (reference §2, §4, §5 "Troubleshooting rows").
 * Statuses follow DESIGN.md: definitive auth failures need a reconnect, missing prerequisites are
 * the Workday admin's to fix, transient ones are retried.
 */
export const HEALTH_TROUBLESHOOTING: Record<HealthCode, TroubleshootingEntry> = {
  refresh_invalid_grant: {
    status: "relink_needed",
    title: "Workday no longer accepts the connection's refresh token",
    meaning: 'Workday answered the token refresh with 400 {"error":"invalid_grant"}: the consent behind this connection is no longer valid.',
    causes: [
      "The Workday account that selected Allow is locked or disabled (Workday's documented cause).",
      'Its refresh token was removed in "Manage Refresh Tokens for Integrations".',
      'The API client was registered with Non-Expiring Refresh Tokens = No and the token expired after a period without use.',
    ],
    steps: [
      'In Workday, run "View Sign-on History" for the account that consented and check it is not locked or disabled; unlock it or use an active Integration System User.',
      'If the API client has Non-Expiring Refresh Tokens = No, edit it to Yes ("View API Clients" → the client → Edit).',
      "Select Reconnect and allow access again.",
    ],
    reconnect: true,
  },
  sandbox_refreshed: {
    status: "relink_needed",
    title: "The sandbox was refreshed: reconnect",
    meaning:
      'Workday answered invalid_grant on a sandbox/implementation tenant. Workday refreshes sandboxes weekly (Fridays, 6 pm Pacific) with a copy of production, which invalidates every token issued in the sandbox.',
    causes: ["The weekly sandbox refresh replaced the tenant.", "Less likely: the consenting account was locked or disabled (see View Sign-on History)."],
    steps: [
      'Check in Workday that the API client still exists ("View API Clients"); if the refresh removed it, run "Register API Client" again and update this connector\'s details.',
      "Select Reconnect and allow access again. Expect to do this after every sandbox refresh.",
    ],
    reconnect: true,
  },
  refresh_invalid_client: {
    status: "relink_needed",
    field: "clientSecret",
    title: "Workday no longer accepts the client credentials",
    meaning: 'Workday answered 401 {"error":"invalid_client"}: the client ID or secret saved here is not valid any more.',
    causes: ['Someone ran "Generate New Client Secret" for this API client.', "The API client was deleted in Workday.", "OAuth 2.0 Clients Enabled was switched off in Edit Tenant Setup – Security."],
    steps: [
      'In Workday, open "View API Clients" and find the client (or run "Register API Client" again if it is gone).',
      'If the secret was regenerated, run "Generate New Client Secret" and copy the new secret.',
      "Select Edit details, paste the Client ID and the new Client Secret, then Reconnect.",
    ],
    reconnect: true,
  },
  access_token_rejected: {
    status: "relink_needed",
    title: "Workday rejects the access token it just issued",
    meaning: "A freshly issued access token got 401 from the Workday REST API.",
    causes: ["The consent was revoked between the token refresh and the API call.", "The REST API Endpoint belongs to another tenant than the token endpoint."],
    steps: ["Check that the three endpoints on this connector come from the same View API Clients page.", "Select Reconnect and allow access again."],
    reconnect: true,
  },
  permission_system_auditing: {
    status: "action_required",
    prerequisite: "system_auditing",
    title: "Missing permission: System Auditing",
    meaning: 'Workday answered 403 {"error":"permission denied"} when reading user activity: the security group of the consenting account cannot use the System Auditing domain.',
    causes: ["The security group lacks View/Get on the System Auditing domain policy.", "The permission was added but the pending security policy changes were not activated.", "The API client's Scope (Functional Areas) lacks System."],
    steps: [
      'In Workday, search "Domain Security Policies for Functional Area", choose System, and on System Auditing give the security group View (report/task) and Get (integration).',
      ACTIVATE,
      "Select Run checks now: the connector returns to Connected by itself once the check passes.",
    ],
    reconnect: false,
  },
  permission_worker_data: {
    status: "action_required",
    prerequisite: "worker_public_reports",
    title: "Missing permission: Worker Data: Public Worker Reports",
    meaning: "Workday answered 403 permission denied when listing workers: the security group cannot use Worker Data: Public Worker Reports.",
    causes: ["The security group lacks View/Get on Worker Data: Public Worker Reports (functional area Staffing).", "The change was not activated.", "The API client's Scope (Functional Areas) lacks Staffing."],
    steps: [
      'In Workday, search "Domain Security Policies for Functional Area", choose Staffing, open Worker Data: Staffing → Worker Data: Public Worker Reports and give the security group View and Get.',
      ACTIVATE,
      "Select Run checks now.",
    ],
    reconnect: false,
  },
  activity_logging_disabled: {
    status: "action_required",
    prerequisite: "user_activity_logging",
    title: "User Activity Logging is off",
    meaning:
      "Workday returned no user activity at all since the connection was made, not even the consent itself, which Workday records as \"Submit OAuth 2.0 Consent\". That happens when User Activity Logging is switched off (inferred: Workday documents no specific answer).",
    causes: ['"Enable User Activity Logging" is not ticked in Edit Tenant Setup – System.'],
    steps: ['In Workday, run "Edit Tenant Setup – System" and tick "Enable User Activity Logging" under User Activity Logging.', "Select Reconnect so that Workday records the new consent, then Run checks now."],
    reconnect: false,
  },
  rest_endpoint_not_found: {
    status: "action_required",
    field: "restApiEndpoint",
    title: "The Workday REST API Endpoint is wrong",
    meaning: "The Workday REST API answered 404 Resource not found.",
    causes: ["The Workday REST API Endpoint has a typo in the tenant name.", "Another URL was pasted into the Workday REST API Endpoint field."],
    steps: ['Copy "Workday REST API Endpoint" again from View API Clients (it ends with /ccx/api/v1/<tenant>).', "Select Edit details, paste it, save and Reconnect."],
    reconnect: false,
  },
  workday_unavailable: {
    status: "degraded",
    title: "Workday is not answering properly",
    meaning: "Workday answered with a server error (5xx) or the connection was reset.",
    causes: ["A Workday service interruption or maintenance window.", "A network problem between this console and Workday."],
    steps: [RETRIES, "If it lasts, check Workday's status and maintenance schedule, and the network path from this console."],
    reconnect: false,
  },
  workday_timeout: {
    status: "degraded",
    title: "Workday did not answer in time",
    meaning: "A request to Workday timed out.",
    causes: ["Workday is slow or in maintenance.", "A proxy or firewall drops the connection."],
    steps: [RETRIES, "If it lasts, check the network path and OUTBOUND_TIMEOUT_MS."],
    reconnect: false,
  },
  rate_limited: {
    status: "degraded",
    title: "Workday is limiting requests",
    meaning: "Workday answered 429 Too Many Requests.",
    causes: ["Too many API calls for this tenant or client in a short time, from this console or other integrations."],
    steps: [RETRIES, "If it lasts, reduce other integrations' load on the same API client."],
    reconnect: false,
  },
  malformed_response: {
    status: "degraded",
    title: "Workday's answer could not be read",
    meaning: "Workday answered with something that is not the expected JSON.",
    causes: ["A proxy or captive portal answered instead of Workday.", "A temporary Workday fault."],
    steps: [RETRIES, "If it lasts, check that the endpoints point at Workday and that no proxy rewrites the answers."],
    reconnect: false,
  },
  disconnected_by_admin: {
    status: "disconnected",
    title: "Disconnected by an admin",
    meaning: "An admin disconnected this connector: its tokens were deleted. Its details and history are kept.",
    causes: ["Someone selected Disconnect."],
    steps: [
      'To also remove the refresh token in Workday: View API Clients → API Clients for Integrations → the client → Manage Refresh Tokens for Integrations → tick Delete.',
      "To connect again, select Reconnect.",
    ],
    reconnect: true,
  },
};
