import { describe, expect, it } from "vitest";
import { PREREQUISITE_NOTES, PREREQUISITES, TENANT_SETUP_STEPS } from "../src/prerequisites";
import { DONE_PAGE_VALUES, registrationValues } from "../src/registration";

describe("registrationValues", () => {
  it("when no client name is given, then Workday's fields come with the values to enter", () => {
    const values = registrationValues("https://c.example/api/oauth/connect/c1");
    expect(values.map((v) => [v.label, v.value])).toEqual([
      ["Client Name", "workday-connect"],
      ["Client Grant Type", "Authorization Code Grant"],
      ["Access Token Type", "Bearer"],
      ["Redirection URI", "https://c.example/api/oauth/connect/c1"],
      ["Non-Expiring Refresh Tokens", "Yes"],
      ["Scope (Functional Areas)", "Staffing, System"],
    ]);
  });

  it("when a client name is given, then it is used trimmed, and a blank one falls back to the default", () => {
    expect(registrationValues("u", "  Acme SIEM ")[0]?.value).toBe("Acme SIEM");
    expect(registrationValues("u", "   ")[0]?.value).toBe("workday-connect");
  });

  it("when listed, then only the values typed into a text box in Workday are marked typed (the ones worth a Copy button)", () => {
    expect(
      registrationValues("u")
        .filter((v) => v.typed)
        .map((v) => v.label),
    ).toEqual(["Client Name", "Redirection URI"]);
  });

  it("when a value has a note, then the note is not empty", () => {
    for (const v of registrationValues("u")) if (v.note !== undefined) expect(v.note.length).toBeGreaterThan(0);
  });
});

describe("DONE_PAGE_VALUES", () => {
  it("when listed, then they are the five values Workday shows after registration, in order", () => {
    expect(DONE_PAGE_VALUES).toEqual(["Client ID", "Client Secret", "Workday REST API Endpoint", "Token Endpoint", "Authorization Endpoint"]);
  });
});

describe("PREREQUISITES", () => {
  it("when read, then they are Microsoft's five rows with their permissions", () => {
    expect(PREREQUISITES.map((r) => [r.key, r.functionalArea, r.domainPolicy, r.subdomainPolicy, r.reportTaskPermissions, r.integrationPermissions])).toEqual([
      ["tenant_setup_security", "System", "Set Up: Tenant Setup – General", "Set Up: Tenant Setup – Security", "View, Modify", "Get, Put"],
      ["tenant_setup_system", "System", "Set Up: Tenant Setup – General", "Set Up: Tenant Setup – System", "Modify", "None"],
      ["security_administration", "System", "Security Administration", null, "View, Modify", "Get, Put"],
      ["system_auditing", "System", "System Auditing", null, "View", "Get"],
      ["worker_public_reports", "Staffing", "Worker Data: Staffing", "Worker Data: Public Worker Reports", "View", "Get"],
    ]);
  });

  it("when each row is read, then it says why the connector needs it", () => {
    for (const row of PREREQUISITES) expect(row.why).not.toBe("");
  });

  it("when the notes are read, then they cover the ISU, the admin, the policy search and activation", () => {
    const text = PREREQUISITE_NOTES.map((n) => n.text).join("\n");
    expect(text).toMatch(/Integration System User/);
    expect(text).toMatch(/Workday administrator/);
    expect(text).toMatch(/Domain Security Policies for Functional Area/);
    expect(text).toMatch(/Activate Pending Security Policy Changes/);
    expect(new Set(PREREQUISITE_NOTES.map((n) => n.key)).size).toBe(PREREQUISITE_NOTES.length);
  });
});

describe("TENANT_SETUP_STEPS", () => {
  it("when read, then each names the Workday task and setting, with a reason", () => {
    expect(TENANT_SETUP_STEPS.map(({ key, task, setting }) => ({ key, task, setting }))).toEqual([
      { key: "user_activity_logging", task: "Edit Tenant Setup – System", setting: "Enable User Activity Logging" },
      { key: "oauth_clients_enabled", task: "Edit Tenant Setup – Security", setting: "OAuth 2.0 Clients Enabled" },
    ]);
    for (const s of TENANT_SETUP_STEPS) expect(s.why).not.toBe("");
  });
});
