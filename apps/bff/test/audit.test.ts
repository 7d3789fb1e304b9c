import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DatabaseSync } from "node:sqlite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { connectorResponseSchema, listAuditResponseSchema, routes, userResponseSchema } from "@wc/contracts";
import { openSqliteStore } from "../src/store/sqlite-store";
import { ACCOUNTS, startBff, type Harness } from "./harness";

let h: Harness;
beforeEach(async () => {
  h = await startBff({ allowedWorkdayHosts: "" });
});
afterEach(async () => {
  await h.close();
});

const audit = async (query = "") => listAuditResponseSchema.parse((await h.client.get(`${routes.audit}${query}`)).json());
const SECRET = "sEcReT-audit-value-123456";

describe("audit log", () => {
  it("when admins act, then each action is recorded with who, what, when, from where and before → after", async () => {
    const c = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: "Acme" })).json()).connector;
    await h.client.patch(routes.connectorWizard(c.id), { wizardStep: "tenant_setup", prerequisites: { system_auditing: true } });
    await h.client.put(routes.connectorDetails(c.id), {
      clientId: "client-1",
      clientSecret: SECRET,
      restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl",
      tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token",
      authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize",
      samlSso: false,
    });
    const u = userResponseSchema.parse(
      (await h.client.post(routes.users, { name: "Nia", email: "nia@example.com", role: "support", password: "long-enough-pw" })).json(),
    ).user;
    await h.client.patch(routes.user(u.id), { role: "admin" });
    await h.client.delete(routes.connector(c.id));

    const { entries } = await audit();
    expect(entries.map((e) => e.action).slice(0, 6)).toEqual([
      "connector.deleted",
      "user.updated",
      "user.created",
      "connector.details_saved",
      "connector.wizard_saved",
      "connector.created",
    ]);
    const roleChange = entries.find((e) => e.action === "user.updated");
    expect(roleChange).toMatchObject({
      actorName: ACCOUNTS.admin.name,
      targetName: "nia@example.com",
      before: { role: "support" },
      after: { role: "admin" },
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    expect(roleChange?.at).toMatch(/Z$/);
    expect(roleChange?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const details = entries.find((e) => e.action === "connector.details_saved");
    expect(details?.after).toMatchObject({ clientId: "client-1", clientSecretHint: SECRET.slice(-4) });
    expect(JSON.stringify(entries)).not.toContain(SECRET);
    expect(JSON.stringify(entries)).not.toContain("long-enough-pw");
  });

  it("when sign-ins succeed and fail, then both are recorded, the password never", async () => {
    await h.newClient().post(routes.signIn, { email: ACCOUNTS.support.email, password: "wrong-password-x" });
    const { entries } = await audit("?action=auth.sign_in_failed");
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorName: ACCOUNTS.support.email, after: { reason: "unauthenticated" } });
    expect(JSON.stringify(entries)).not.toContain("wrong-password-x");
    expect((await audit("?action=auth.signed_in")).entries.length).toBeGreaterThanOrEqual(1);
  });

  it("when filtered by actor, action, target and time, and paged, then only matching entries come back", async () => {
    for (let i = 0; i < 5; i++) await h.client.post(routes.connectors, { name: `C${i}` });
    expect((await audit("?action=connector.created")).entries).toHaveLength(5);
    expect((await audit("?targetId=C3")).entries.map((e) => e.targetName)).toEqual(["C3"]);
    expect((await audit(`?actor=${encodeURIComponent("Ada")}&action=connector.created`)).entries).toHaveLength(5);
    expect((await audit("?actor=nobody")).entries).toHaveLength(0);
    expect((await audit("?from=2099-01-01T00:00:00Z")).entries).toHaveLength(0);
    const first = await audit("?action=connector.created&limit=2");
    expect(first.entries.map((e) => e.targetName)).toEqual(["C4", "C3"]);
    const second = await audit(`?action=connector.created&limit=2&before=${first.nextBefore ?? 0}`);
    expect(second.entries.map((e) => e.targetName)).toEqual(["C2", "C1"]);
  });

  it("when the query is malformed, then 400 names the field", async () => {
    const res = await h.client.get(`${routes.audit}?action=drop.table&limit=9999&from=yesterday`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json<{ error: { fields: object } }>().error.fields).sort()).toEqual(["action", "from", "limit"]);
  });

  it("when a support user asks for the audit log, then 403", async () => {
    expect((await (await h.signedIn("support")).get(routes.audit)).status).toBe(403);
  });
});

describe("audit log storage", () => {
  it("when anything tries to update or delete an audit row, then the database refuses (append-only)", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "wc-audit-")), "db.sqlite");
    const store = openSqliteStore(file);
    await store.appendAudit({
      at: "2026-11-29T10:00:00.000Z",
      actorId: "u",
      actorName: "U",
      action: "user.created",
      targetType: "user",
      targetId: "x",
      targetName: "x",
      ip: null,
      requestId: null,
      before: null,
      after: { role: "admin" },
    });
    await store.close();
    const db = new DatabaseSync(file);
    expect(() => db.prepare("UPDATE audit_log SET actor_name = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/);
    expect(db.prepare("SELECT COUNT(*) AS n FROM audit_log").get()).toEqual({ n: 1 });
    db.close();
  });
});
