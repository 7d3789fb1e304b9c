// The 20 enabled policies of `backfill:policies`, as an admin would save them (POST /api/policies):
// the five templates, the address template's placeholder ranges replaced by the simulator's
// organisation ranges, and fifteen variations on the simulator's vocabulary (apps/workday-sim
// src/activity/catalog.ts): other task lists (is / contains / matches), thresholds, working hours
// in a few time zones, a range test. Every one watches all connectors (connectorIds null).
import { POLICY_TEMPLATES, type PolicyDefinition, type Severity, type WorkingHours } from "@wc/workday";

/** The simulator's organisation ranges (ORGANISATION_RANGES, as /24s). */
export const ORGANISATION_RANGES = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];

export interface BenchPolicy extends PolicyDefinition {
  name: string;
  description: string;
  severity: Severity;
  enabled: true;
  connectorIds: null;
  templateId: string | null;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const hours = (timeZone: string, start = "08:00", end = "18:00", days = WEEKDAYS): WorkingHours => ({ timeZone, days, start, end });

const fromTemplates: BenchPolicy[] = POLICY_TEMPLATES.map((t) => {
  const c = t.definition.condition;
  const condition = "field" in c && c.op === "outside_ranges" ? { ...c, values: [...ORGANISATION_RANGES] } : c;
  return { name: t.name, description: t.looksFor, severity: t.severity, enabled: true, connectorIds: null, templateId: t.id, ...t.definition, condition };
});

const variation = (name: string, severity: Severity, def: Partial<PolicyDefinition> & Pick<PolicyDefinition, "condition">): BenchPolicy => ({
  name,
  description: "",
  severity,
  enabled: true,
  connectorIds: null,
  templateId: null,
  threshold: null,
  outsideHours: null,
  ...def,
});

const variations: BenchPolicy[] = [
  variation("Export to Excel outside Paris office hours", "medium", {
    condition: { field: "taskDisplayName", op: "is", values: ["Export to Excel"] },
    outsideHours: hours("Europe/Paris", "08:00", "19:00"),
  }),
  variation("Pay slips outside New York office hours", "low", {
    condition: { field: "taskDisplayName", op: "is", values: ["View Pay Slip", "Print Pay Slip"] },
    outsideHours: hours("America/New_York"),
  }),
  variation("Job data changed", "low", { condition: { field: "taskDisplayName", op: "is", values: ["Change Business Title", "Edit Job Profile"] } }),
  variation("Approvals outside Tokyo office hours", "medium", {
    condition: { field: "taskDisplayName", op: "is", values: ["Approve Business Process"] },
    outsideHours: hours("Asia/Tokyo", "09:00", "18:00"),
  }),
  variation("Any security task", "high", { condition: { field: "taskDisplayName", op: "contains", values: ["Security"] } }),
  variation("Permissions or security policy edited", "high", {
    condition: { field: "taskDisplayName", op: "matches", values: ["^(Maintain|Edit|Activate) .*(Security|Permissions)"] },
  }),
  variation("Integration user writes many worker documents", "medium", {
    condition: {
      all: [
        { field: "systemAccount", op: "matches", values: ["^isu[_-]"] },
        { field: "taskDisplayName", op: "is", values: ["Put Worker Document (Web Service)"] },
      ],
    },
    threshold: { count: 20, withinMinutes: 5 },
  }),
  variation("Bulk worker reads by web service", "medium", {
    condition: { field: "taskDisplayName", op: "is", values: ["Get Workers (Web Service)"] },
    threshold: { count: 100, withinMinutes: 60 },
  }),
  variation("Admin account outside London office hours", "high", {
    condition: { field: "systemAccount", op: "is", values: ["admin"] },
    outsideHours: hours("Europe/London", "07:00", "20:00"),
  }),
  variation("Contact details changed from a phone", "low", {
    condition: {
      all: [
        { field: "taskDisplayName", op: "is", values: ["Change Contact Information"] },
        { field: "deviceType", op: "is", values: ["Mobile"] },
      ],
    },
  }),
  variation("Many worker searches by one account", "low", {
    condition: { field: "taskDisplayName", op: "is", values: ["Find Workers", "Find Organizations"] },
    threshold: { count: 30, withinMinutes: 10 },
  }),
  variation("Many exports, prints or searches by one account", "medium", {
    condition: {
      any: [
        { field: "taskDisplayName", op: "contains", values: ["Export"] },
        { field: "activityAction", op: "is", values: ["OTHER"] },
      ],
    },
    threshold: { count: 5, withinMinutes: 60 },
  }),
  variation("Changes outside Sydney office hours", "low", {
    condition: { field: "activityAction", op: "is", values: ["WRITE"] },
    outsideHours: hours("Australia/Sydney", "08:30", "17:30"),
  }),
  variation("Proxy started or stopped", "medium", { condition: { field: "taskDisplayName", op: "matches", values: ["^(Start|Stop) Proxy$"] } }),
  variation("Pay and benefits from the roaming range", "low", {
    condition: {
      all: [
        { field: "ipAddress", op: "in_ranges", values: ["198.51.100.0/24"] },
        { field: "taskDisplayName", op: "contains", values: ["Pay Slip", "Benefit"] },
      ],
    },
  }),
];

export const BENCH_POLICIES: readonly BenchPolicy[] = [...fromTemplates, ...variations];
