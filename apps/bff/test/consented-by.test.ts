import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectorDetailResponseSchema, runChecksResponseSchema, routes } from "@wc/contracts";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";

const MIN = 60_000;

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  // The sync is started by hand (runDue), so each test decides whether the rows are there yet.
  stack = await startStack({ outboundTimeoutMs: 1000, activity: { pageSize: 1000 } });
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  stack.bff.clock.now = null;
  await simApi(stack.sim, "DELETE", "/faults");
  for (const t of ["acme", "acme_sandbox"]) await simApi(stack.sim, "PATCH", `/tenants/${t}/settings`, { userActivityLogging: true });
});

const consentedBy = async (id: string) => connectorDetailResponseSchema.parse((await stack.bff.client.get(routes.connector(id))).json()).connector.consentedBy;
const runChecks = async (id: string) => runChecksResponseSchema.parse((await stack.bff.client.post(routes.connectorChecks(id))).json());
const fault = (body: Record<string, unknown>) => simApi(stack.sim, "POST", "/faults", { route: "activityLogging", ...body });
async function connected(tenant = "acme") {
  const p = await preparedConnector(stack.bff, stack.sim, tenant);
  const before = Date.now();
  await connect(stack.bff.client, p.connector.id);
  return { id: p.connector.id, before };
}
/** One background sync of every due connector, as the scheduler's tick would run it, `ms` from now. */
async function syncAt(ms: number) {
  stack.bff.clock.now = new Date(Date.now() + ms);
  await stack.bff.activity.runDue();
  await stack.bff.activity.whenIdle();
}

describe("the Workday account that consented", () => {
  it("when a connector is not connected yet, then the account is unknown: not_connected", async () => {
    const p = await preparedConnector(stack.bff, stack.sim, "acme");
    expect(await consentedBy(p.connector.id)).toMatchObject({ known: false, reason: "not_connected" });
  });

  it("when consent has just succeeded, then unknown with the sync reason; after the checks, then the simulator's consenting account with Workday's time", async () => {
    const { id, before } = await connected();
    expect(await consentedBy(id)).toEqual({
      known: false,
      reason: "sync_pending",
      explanation: "The first activity sync has not finished yet; the account shows once it has.",
    });
    const out = await runChecks(id);
    expect(out.checks.every((c) => c.ok)).toBe(true);
    expect(out.connector.consentedBy).toMatchObject({ known: true, account: "isu_wdconnect" });
    const shown = await consentedBy(id);
    expect(shown).toEqual(out.connector.consentedBy);
    if (!shown.known) throw new Error("not known");
    expect(Date.parse(shown.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(shown.at)).toBeLessThanOrEqual(Date.now());
  });

  it("when the checks' extra read of the consent window fails in any way, then the checks still pass and the account stays unknown until a read succeeds", async () => {
    const { id } = await connected();
    for (const f of [{ kind: "status", status: 503 }, { kind: "malformed" }, { kind: "reset" }]) {
      await fault({ kind: "latency", latencyMs: 0, count: 1 }); // the count the check itself needs
      await fault(f);
      const out = await runChecks(id);
      expect(out.checks.map((c) => c.ok)).toEqual([true, true, true, true]);
      expect(out.connector).toMatchObject({ status: "connected", consentedBy: { known: false, reason: "sync_pending" } });
    }
    expect((await runChecks(id)).connector.consentedBy).toMatchObject({ known: true, account: "isu_wdconnect" });
  });

  it("when User Activity Logging is off, then the account is unknown and the reason says so", async () => {
    await simApi(stack.sim, "PATCH", "/tenants/acme/settings", { userActivityLogging: false });
    const { id } = await connected();
    const out = await runChecks(id);
    expect(out.connector.reasonCode).toBe("activity_logging_disabled");
    expect(await consentedBy(id)).toEqual({
      known: false,
      reason: "logging_disabled",
      explanation: "User Activity Logging is off in Workday, so Workday did not record who consented.",
    });
  });

  it("when no check ran, then the activity sync finds the consent row once its window covers the consent, and pruning the row later keeps the account", async () => {
    const { id } = await connected();
    await syncAt(0);
    // The first window stops the lag (2 min) before now, so it ends before the consent.
    expect(await consentedBy(id)).toMatchObject({ known: false, reason: "sync_pending" });
    await syncAt(6 * MIN);
    const found = await consentedBy(id);
    expect(found).toMatchObject({ known: true, account: "isu_wdconnect" });
    expect(await stack.bff.store.pruneActivity(id, new Date(Date.now() + 10 * MIN).toISOString())).toBeGreaterThan(0);
    expect(await consentedBy(id)).toEqual(found);
  });

  it("when the synced rows cover the consent time without a consent row, then unknown: not_found; a new consent looks again", async () => {
    // A tenant no other test consents to here: their consent rows would sit in this window.
    await simApi(stack.sim, "PATCH", "/tenants/acme_sandbox/settings", { userActivityLogging: false });
    const { id } = await connected("acme_sandbox");
    await simApi(stack.sim, "PATCH", "/tenants/acme_sandbox/settings", { userActivityLogging: true });
    await syncAt(0);
    await syncAt(8 * MIN);
    expect(await consentedBy(id)).toMatchObject({ known: false, reason: "not_found" });
    stack.bff.clock.now = null;
    await connect(stack.bff.client, id);
    expect(await consentedBy(id)).toMatchObject({ known: false, reason: "sync_pending" });
    expect((await runChecks(id)).connector.consentedBy).toMatchObject({ known: true, account: "isu_wdconnect" });
  });
});
