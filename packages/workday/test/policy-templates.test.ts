import { describe, expect, it } from "vitest";
import {
  bursts,
  byTimeThenKey,
  compilePolicy,
  GROUP_MINUTES,
  PLACEHOLDER_RANGES,
  POLICY_TEMPLATES,
  type PolicyDefinition,
  type PolicyLeaf,
  type PolicyRow,
  type PolicyTemplate,
} from "../src";

// The simulator's vocabulary (apps/workday-sim/src/activity/catalog.ts and scenarios.ts).
const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36";
const SAFARI = "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const WORKDAY_APP = "Workday/2024.24.1 (iPhone; iOS 17.5.1; Scale/3.00)";
const ISU_AGENT = "Apache-HttpClient/4.5.14 (Java/17.0.11)";
const ISU = "isu_wdconnect";
const ORGANISATION_RANGES = ["192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24"];
const OFFICE_ADDRESS = "192.0.2.10";
const FOREIGN_ADDRESS = "185.220.101.23";
const CONSENT_TASK = "Submit OAuth 2.0 Consent (Web Service)";

const T0 = Date.parse("2026-03-02T09:00:00.000Z");
const SECOND = 1000;
const MINUTE = 60 * SECOND;

let serial = 0;
const row = (timeMs: number, over: Partial<PolicyRow>): PolicyRow & { key: string } => ({
  requestTime: new Date(timeMs).toISOString(),
  systemAccount: "lmartin",
  taskId: null,
  taskDisplayName: "Home",
  activityAction: "READ",
  ipAddress: "198.51.100.7",
  userAgent: CHROME,
  deviceType: "Desktop",
  targetId: null,
  targetDescriptor: null,
  ...over,
  key: `row-${++serial}`,
});
type Row = ReturnType<typeof row>;

const template = (id: string): PolicyTemplate => {
  const found = POLICY_TEMPLATES.find((t) => t.id === id);
  if (!found) throw new Error(`no template ${id}`);
  return found;
};

/** The foreign-address template with the organisation's ranges in place of the placeholders, as an admin would save it. */
const withOrganisationRanges = (def: PolicyDefinition): PolicyDefinition => ({
  ...def,
  condition: { ...(def.condition as PolicyLeaf), values: ORGANISATION_RANGES },
});

/** The policy's alerts over `rows`: matches per account, grouped into bursts as the store does. */
function alerts(def: PolicyDefinition, rows: readonly Row[]): Row[][] {
  const test = compilePolicy(def);
  const byAccount = new Map<string, { t: number; key: string; row: Row }[]>();
  for (const r of rows.filter(test)) {
    const list = byAccount.get(r.systemAccount) ?? [];
    list.push({ t: Date.parse(r.requestTime), key: r.key, row: r });
    byAccount.set(r.systemAccount, list);
  }
  const count = def.threshold?.count ?? 1;
  const within = def.threshold?.withinMinutes ?? GROUP_MINUTES;
  return [...byAccount.values()].flatMap((ms) => bursts(ms.sort(byTimeThenKey), count, within).map((b) => b.rows.map((m) => m.row)));
}

/** An ordinary working morning: the ISU's web-service calls, and people opening Home and a few workers from the organisation's addresses. */
const ordinary: Row[] = [
  ...Array.from({ length: 36 }, (_, i) =>
    row(T0 + i * 5 * MINUTE, {
      systemAccount: ISU,
      taskDisplayName: ["Get Workers (Web Service)", "privacy/activityLogging/userActivity (GET) (v1 -  )", "common/workers (GET) (v1 -  )"][i % 3] ?? null,
      ipAddress: "203.0.113.5",
      userAgent: ISU_AGENT,
    }),
  ),
  row(T0 + 31 * MINUTE, {
    systemAccount: ISU,
    taskDisplayName: "Put Worker Document (Web Service)",
    activityAction: "WRITE",
    ipAddress: "203.0.113.5",
    userAgent: ISU_AGENT,
  }),
  ...["lmartin", "asmith", "jdoe"].flatMap((who, p) => [
    row(T0 + p * MINUTE, { systemAccount: who, taskDisplayName: "Home", ipAddress: `198.51.100.${10 + p}`, userAgent: p === 1 ? SAFARI : CHROME }),
    ...Array.from({ length: 4 }, (_, i) =>
      row(T0 + p * MINUTE + (i + 1) * 3 * MINUTE, {
        systemAccount: who,
        taskDisplayName: "View Worker",
        ipAddress: `198.51.100.${10 + p}`,
        userAgent: p === 1 ? SAFARI : CHROME,
        targetId: `w${i}`,
        targetDescriptor: `Worker ${i}`,
      }),
    ),
    row(T0 + p * MINUTE + 20 * MINUTE, { systemAccount: who, taskDisplayName: "My Tasks", ipAddress: `192.0.2.${20 + p}` }),
  ]),
  row(T0 + 40 * MINUTE, { systemAccount: "jdoe", taskDisplayName: "View Pay Slip", ipAddress: "203.0.113.40", userAgent: WORKDAY_APP, deviceType: "Mobile" }),
  row(T0 + 45 * MINUTE, { systemAccount: "admin", taskDisplayName: "Find Workers", ipAddress: OFFICE_ADDRESS }),
];

describe("policy templates on an ordinary morning", () => {
  it.each(POLICY_TEMPLATES.map((t) => [t.id, t] as const))("when %s watches ordinary activity, then it stays silent", (id, t) => {
    const def = id === "address-outside-organisation" ? withOrganisationRanges(t.definition) : t.definition;
    expect(alerts(def, ordinary)).toEqual([]);
  });
});

describe("policy templates on the simulator's scenarios", () => {
  it("when one account reads 60 workers in 5 minutes (worker-read-burst), then many-worker-records-read gives one alert with all 60 reads", () => {
    const scenario = Array.from({ length: 60 }, (_, i) =>
      row(T0 + 50 * MINUTE + i * 5 * SECOND, {
        systemAccount: "lmartin",
        taskDisplayName: "View Worker",
        ipAddress: "198.51.100.10",
        targetId: `w${i}`,
        targetDescriptor: `Worker ${i}`,
      }),
    );
    const found = alerts(template("many-worker-records-read").definition, [...ordinary, ...scenario]);
    expect(found).toHaveLength(1);
    expect(found[0]?.map((r) => r.key)).toEqual(scenario.map((r) => r.key));
  });

  it("when one account reads 49 workers in 10 minutes, then many-worker-records-read stays silent (its threshold is 50)", () => {
    const reads = Array.from({ length: 49 }, (_, i) => row(T0 + i * 12 * SECOND, { taskDisplayName: "View Worker", targetId: `w${i}` }));
    expect(alerts(template("many-worker-records-read").definition, reads)).toEqual([]);
  });

  it("when View Worker rows are not reads, or 50 reads come from different accounts, then many-worker-records-read stays silent", () => {
    const writes = Array.from({ length: 60 }, (_, i) => row(T0 + i * SECOND, { taskDisplayName: "View Worker", activityAction: "WRITE" }));
    const spread = Array.from({ length: 60 }, (_, i) => row(T0 + i * SECOND, { systemAccount: `person${i % 2}`, taskDisplayName: "View Worker" }));
    expect(alerts(template("many-worker-records-read").definition, [...writes, ...spread])).toEqual([]);
  });

  it("when the admin changes security (security-change), then security-configuration-changed gives one alert with the three changes", () => {
    const scenario = ["Maintain Permissions for Security Group", "Activate Pending Security Policy Changes", "Edit Tenant Setup - Security"].map((task, i) =>
      row(T0 + 50 * MINUTE + i * MINUTE, { systemAccount: "admin", taskDisplayName: task, activityAction: "WRITE", ipAddress: OFFICE_ADDRESS }),
    );
    const found = alerts(template("security-configuration-changed").definition, [...ordinary, ...scenario]);
    expect(found.map((rows) => rows.map((r) => r.taskDisplayName))).toEqual([scenario.map((r) => r.taskDisplayName)]);
  });

  it("when an ordinary account works from an address outside the organisation's ranges (foreign-address), then the template, with those ranges, alerts on those rows only", () => {
    const scenario = ["Home", "View Pay Slip", "Change Contact Information", "My Tasks", "Export to Excel"].map((task, i) =>
      row(T0 + 50 * MINUTE + i * MINUTE, { systemAccount: "lmartin", taskDisplayName: task, ipAddress: FOREIGN_ADDRESS }),
    );
    const found = alerts(withOrganisationRanges(template("address-outside-organisation").definition), [...ordinary, ...scenario]);
    expect(found.map((rows) => rows.map((r) => r.key))).toEqual([scenario.map((r) => r.key)]);
  });

  it("when the template keeps its placeholder (private) ranges, then the organisation's own documentation-range addresses count as outside: the ranges must be replaced", () => {
    const t = template("address-outside-organisation");
    expect(t.definition.condition).toEqual({ field: "ipAddress", op: "outside_ranges", values: PLACEHOLDER_RANGES });
    expect(t.adjust).not.toBeNull();
    expect(alerts(t.definition, ordinary).length).toBeGreaterThan(0);
    expect(alerts(t.definition, [row(T0, { ipAddress: "10.1.2.3" }), row(T0, { ipAddress: "192.168.1.1" })])).toEqual([]);
  });

  it("when the integration system user browses in Chrome (isu-browser), then integration-user-in-browser alerts on those rows", () => {
    const scenario = ["Home", "Find Workers", "View Worker"].map((task, i) =>
      row(T0 + 50 * MINUTE + i * MINUTE, { systemAccount: ISU, taskDisplayName: task, ipAddress: OFFICE_ADDRESS, userAgent: CHROME }),
    );
    const found = alerts(template("integration-user-in-browser").definition, [...ordinary, ...scenario]);
    expect(found.map((rows) => rows.map((r) => r.key))).toEqual([scenario.map((r) => r.key)]);
  });

  it("when the integration system user gives the OAuth consent from a browser (as the console's setup asks), then integration-user-in-browser stays silent", () => {
    const consent = row(T0 + 50 * MINUTE, {
      systemAccount: ISU,
      taskDisplayName: CONSENT_TASK,
      activityAction: "WRITE",
      ipAddress: OFFICE_ADDRESS,
      userAgent: CHROME,
    });
    expect(alerts(template("integration-user-in-browser").definition, [...ordinary, consent])).toEqual([]);
  });

  it("when accounts are named ISU-… or integration_…, then integration-user-in-browser recognises them; a person whose name only contains isu does not match", () => {
    const def = template("integration-user-in-browser").definition;
    const rows = ["ISU-Payroll", "integration_hr", "isu_wdconnect", "louisu", "isuzu"].map((a, i) =>
      row(T0 + i * 2 * GROUP_MINUTES * MINUTE, { systemAccount: a }),
    );
    expect(alerts(def, rows).map((rs) => rs[0]?.systemAccount)).toEqual(["ISU-Payroll", "integration_hr", "isu_wdconnect"]);
  });

  it("when an admin starts a proxy session (proxy-session), then proxy-session-started alerts on Start Proxy alone", () => {
    const start = row(T0 + 50 * MINUTE, {
      systemAccount: "admin",
      taskDisplayName: "Start Proxy",
      activityAction: "WRITE",
      ipAddress: OFFICE_ADDRESS,
      targetId: "w1",
    });
    const scenario = [
      start,
      row(T0 + 51 * MINUTE, { systemAccount: "lmartin", taskDisplayName: "View Pay Slip", ipAddress: OFFICE_ADDRESS }),
      row(T0 + 52 * MINUTE, { systemAccount: "lmartin", taskDisplayName: "Worker Profile", ipAddress: OFFICE_ADDRESS }),
      row(T0 + 53 * MINUTE, { systemAccount: "admin", taskDisplayName: "Stop Proxy", activityAction: "WRITE", ipAddress: OFFICE_ADDRESS }),
    ];
    const found = alerts(template("proxy-session-started").definition, [...ordinary, ...scenario]);
    expect(found.map((rows) => rows.map((r) => r.key))).toEqual([[start.key]]);
  });

  it("when a scenario's rows are shown to the other templates, then only the template written for it alerts", () => {
    const proxy = row(T0, { systemAccount: "admin", taskDisplayName: "Start Proxy", activityAction: "WRITE", ipAddress: OFFICE_ADDRESS });
    const security = row(T0, { systemAccount: "admin", taskDisplayName: "Edit Tenant Setup - Security", activityAction: "WRITE", ipAddress: OFFICE_ADDRESS });
    const fired = (r: Row) =>
      POLICY_TEMPLATES.filter((t) => alerts(t.id === "address-outside-organisation" ? withOrganisationRanges(t.definition) : t.definition, [r]).length > 0).map(
        (t) => t.id,
      );
    expect(fired(proxy)).toEqual(["proxy-session-started"]);
    expect(fired(security)).toEqual(["security-configuration-changed"]);
  });
});

describe("policy templates: their texts", () => {
  it("when the templates are listed, then each has a unique id, a name, what it looks for and why", () => {
    expect(new Set(POLICY_TEMPLATES.map((t) => t.id)).size).toBe(POLICY_TEMPLATES.length);
    for (const t of POLICY_TEMPLATES) {
      expect(t.name).not.toBe("");
      expect(t.looksFor).not.toBe("");
      expect(t.why).not.toBe("");
    }
  });
});
