/** Vocabulary of the generated activity: task names as Workday logs them, browsers and devices. */

export type ActivityAction = "READ" | "WRITE" | "OTHER";

export interface TaskSpec {
  name: string;
  action: ActivityAction;
  /** What the row's optional `target` points at; "none" rows carry no target. */
  target: "worker" | "self" | "none";
  /** Relative frequency. */
  weight: number;
}

/** Tasks people run in the browser or the mobile app. */
export const UI_TASKS: readonly TaskSpec[] = [
  { name: "Home", action: "READ", target: "none", weight: 30 },
  { name: "My Tasks", action: "READ", target: "none", weight: 14 },
  { name: "View Worker", action: "READ", target: "worker", weight: 16 },
  { name: "Worker Profile", action: "READ", target: "self", weight: 10 },
  { name: "Find Workers", action: "READ", target: "none", weight: 8 },
  { name: "My Team", action: "READ", target: "none", weight: 6 },
  { name: "View Pay Slip", action: "READ", target: "self", weight: 6 },
  { name: "View Time Off Balance", action: "READ", target: "self", weight: 5 },
  { name: "Org Chart", action: "READ", target: "worker", weight: 4 },
  { name: "View Benefit Elections", action: "READ", target: "self", weight: 3 },
  { name: "Find Organizations", action: "READ", target: "none", weight: 3 },
  { name: "Request Time Off", action: "WRITE", target: "self", weight: 5 },
  { name: "Change Contact Information", action: "WRITE", target: "self", weight: 3 },
  { name: "Submit Expense Report", action: "WRITE", target: "self", weight: 3 },
  { name: "Change Business Title", action: "WRITE", target: "worker", weight: 1 },
  { name: "Edit Job Profile", action: "WRITE", target: "none", weight: 1 },
  { name: "Complete Questionnaire", action: "WRITE", target: "self", weight: 2 },
  { name: "Approve Business Process", action: "WRITE", target: "worker", weight: 3 },
  { name: "Export to Excel", action: "OTHER", target: "none", weight: 2 },
  { name: "Print Pay Slip", action: "OTHER", target: "self", weight: 1 },
  { name: "Search", action: "OTHER", target: "none", weight: 6 },
];

/** Web services an Integration System User calls. */
export const WEB_SERVICE_TASKS: readonly TaskSpec[] = [
  { name: "Get Workers (Web Service)", action: "READ", target: "none", weight: 6 },
  { name: "Get OMS Session Data (Web Service)", action: "READ", target: "none", weight: 3 },
  { name: "privacy/activityLogging/userActivity (GET) (v1 -  )", action: "READ", target: "none", weight: 8 },
  { name: "common/workers (GET) (v1 -  )", action: "READ", target: "none", weight: 4 },
  { name: "Get Organizations (Web Service)", action: "READ", target: "none", weight: 2 },
  { name: "Put Worker Document (Web Service)", action: "WRITE", target: "worker", weight: 1 },
];

export const CONSENT_TASK = "Submit OAuth 2.0 Consent (Web Service)";

/**
 * Tasks that only the injected scenarios log (src/activity/scenarios.ts): security administration
 * and proxying. They are deliberately not in UI_TASKS or WEB_SERVICE_TASKS, so ordinary generated
 * traffic never contains them and a policy watching for them stays silent until a scenario runs.
 */
export const SCENARIO_TASKS: readonly Omit<TaskSpec, "weight">[] = [
  { name: "Maintain Permissions for Security Group", action: "WRITE", target: "none" },
  { name: "Activate Pending Security Policy Changes", action: "WRITE", target: "none" },
  { name: "Edit Tenant Setup - Security", action: "WRITE", target: "none" },
  { name: "Start Proxy", action: "WRITE", target: "worker" },
  { name: "Stop Proxy", action: "WRITE", target: "none" },
];

/**
 * The organisation's address ranges (RFC 5737 documentation ranges): every ordinary generated row,
 * people's homes, roaming and the ISU, comes from one of these /24s.
 */
export const ORGANISATION_RANGES = ["192.0.2", "198.51.100", "203.0.113"] as const;

export type DeviceType = "Desktop" | "Mobile" | "Tablet";

export interface AgentSpec {
  userAgent: string;
  deviceType: DeviceType;
}

/** The most common browser; also the admin's, and the one someone signs in to the ISU with in a scenario. */
export const CHROME_ON_WINDOWS: AgentSpec = {
  deviceType: "Desktop",
  userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
};

export const AGENTS: readonly AgentSpec[] = [
  CHROME_ON_WINDOWS,
  {
    deviceType: "Desktop",
    userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0",
  },
  { deviceType: "Desktop", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15" },
  { deviceType: "Desktop", userAgent: "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0" },
  { deviceType: "Mobile", userAgent: "Workday/2024.24.1 (iPhone; iOS 17.5.1; Scale/3.00)" },
  { deviceType: "Mobile", userAgent: "Workday/2024.24.1 (Android 14; Pixel 8)" },
  {
    deviceType: "Tablet",
    userAgent: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  },
];

export const ISU_AGENT: AgentSpec = { deviceType: "Desktop", userAgent: "Apache-HttpClient/4.5.14 (Java/17.0.11)" };

/** Deterministic device type for a user agent we did not generate (e.g. the consent row). */
export function deviceTypeOf(userAgent: string): DeviceType {
  if (/iPad|Tablet/i.test(userAgent)) return "Tablet";
  if (/Mobile|iPhone|Android/i.test(userAgent)) return "Mobile";
  return "Desktop";
}

/** Cumulative weights for weighted picks. */
export function cumulativeWeights(tasks: readonly TaskSpec[]): Float64Array {
  const out = new Float64Array(tasks.length);
  let sum = 0;
  tasks.forEach((t, i) => (out[i] = sum += t.weight));
  return out;
}
