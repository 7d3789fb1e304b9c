import { IP_ONLY_OPS, POLICY_OPS, type PolicyField, type PolicyOp } from "@wc/workday";

/** The activity fields in the words of the Activity page's columns. */
export const FIELD_NAMES: Record<PolicyField, string> = {
  taskDisplayName: "Task name",
  taskId: "Task ID",
  activityAction: "Action",
  systemAccount: "Account",
  ipAddress: "IP address",
  userAgent: "User agent",
  deviceType: "Device type",
  targetDescriptor: "Target",
  targetId: "Target ID",
};

export const OP_NAMES: Record<PolicyOp, string> = {
  is: "is",
  is_not: "is not",
  contains: "contains",
  matches: "matches pattern",
  in_ranges: "is in ranges",
  outside_ranges: "is outside ranges",
};

/** Ranges only make sense for the IP address; the engine refuses them on any other field. */
export function opsFor(field: PolicyField): readonly PolicyOp[] {
  return field === "ipAddress" ? POLICY_OPS : POLICY_OPS.filter((op) => !IP_ONLY_OPS.includes(op));
}

/** ISO weekdays, as the working hours store them. */
export const DAYS = [
  { day: 1, name: "Mon", long: "Monday" },
  { day: 2, name: "Tue", long: "Tuesday" },
  { day: 3, name: "Wed", long: "Wednesday" },
  { day: 4, name: "Thu", long: "Thursday" },
  { day: 5, name: "Fri", long: "Friday" },
  { day: 6, name: "Sat", long: "Saturday" },
  { day: 7, name: "Sun", long: "Sunday" },
] as const;

/** Suggestions only: any IANA zone is accepted, and the engine says when one is not a zone. */
export const COMMON_TIME_ZONES = [
  "UTC",
  "Europe/London",
  "Europe/Dublin",
  "Europe/Paris",
  "Europe/Berlin",
  "Europe/Madrid",
  "Europe/Amsterdam",
  "Europe/Zurich",
  "Europe/Stockholm",
  "Europe/Warsaw",
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Toronto",
  "America/Sao_Paulo",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Asia/Dubai",
  "Australia/Sydney",
  "Pacific/Auckland",
] as const;

/** "All", or how many connectors a policy is limited to. */
export function connectorScopeText(ids: readonly string[] | null): string {
  if (ids === null) return "All";
  return ids.length === 1 ? "1 connector" : `${ids.length} connectors`;
}

/** A connector as the policy pages name it; the routes load them with the connectors list. */
export interface ConnectorName {
  id: string;
  name: string;
}

/** A connector by name; one deleted since keeps its id so the choice is still visible. */
export function connectorName(id: string, connectors: readonly ConnectorName[]): string {
  return connectors.find((c) => c.id === id)?.name ?? `Deleted connector ${id}`;
}
