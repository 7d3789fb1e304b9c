/**
 * An activity policy as the engine sees it (docs/policies.md). The console's zod schemas
 * (@wc/contracts policies.ts) parse requests into this shape; the engine never sees raw input.
 */

/** The activity fields a condition can test; `target*` are the row's optional `target`. */
export const POLICY_FIELDS = [
  "taskDisplayName",
  "taskId",
  "activityAction",
  "systemAccount",
  "ipAddress",
  "userAgent",
  "deviceType",
  "targetDescriptor",
  "targetId",
] as const;
export type PolicyField = (typeof POLICY_FIELDS)[number];

/**
 * `is` / `is_not`: equal to one of the values (case-insensitive); `contains`: holds one of them;
 * `matches`: a regular expression (case-insensitive); `in_ranges` / `outside_ranges`: the IP
 * address is (not) in one of the CIDR ranges. A row without the field matches only `is_not`.
 */
export const POLICY_OPS = ["is", "is_not", "contains", "matches", "in_ranges", "outside_ranges"] as const;
export type PolicyOp = (typeof POLICY_OPS)[number];

export const IP_ONLY_OPS: readonly PolicyOp[] = ["in_ranges", "outside_ranges"];

export interface PolicyLeaf {
  field: PolicyField;
  op: PolicyOp;
  values: string[];
}
export type PolicyCondition = { all: PolicyCondition[] } | { any: PolicyCondition[] } | PolicyLeaf;

/** At least `count` matching rows by one account within `withinMinutes`. */
export interface PolicyThreshold {
  count: number;
  withinMinutes: number;
}

/** Working hours: the policy matches only rows outside them. Days are ISO weekdays, 1 = Monday. */
export interface WorkingHours {
  timeZone: string;
  days: number[];
  /** "HH:MM", 24-hour, in `timeZone`; `end` after `start`. */
  start: string;
  end: string;
}

export interface PolicyDefinition {
  condition: PolicyCondition;
  threshold: PolicyThreshold | null;
  outsideHours: WorkingHours | null;
}

/**
 * Matches without a threshold are still grouped: one account's matches at most this far apart
 * make one alert, so a burst of five foreign-address rows is one alert, not five.
 */
export const GROUP_MINUTES = 60;

export const isLeaf = (c: PolicyCondition): c is PolicyLeaf => "field" in c;
