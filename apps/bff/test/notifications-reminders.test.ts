import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelCreatedResponseSchema, deliveryLogResponseSchema, routes } from "@wc/contracts";
import { startBff, type Harness } from "./harness";
import { connectorRecord } from "./connector-record";
import { startReceiver } from "./webhook-receiver";

let bff: Harness;
let channelId = "";
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const created = { at: "2026-11-29T10:00:00.000Z", from: null, to: "connected" as const, reasonCode: null, actor: "tester" };

beforeAll(async () => {
  receiver = await startReceiver();
  bff = await startBff({ notify: { allowedHosts: receiver.allowEntry, stallMinutes: 60, sandboxLeadMs: 24 * 3_600_000, retentionDays: 30 } });
  const res = await bff.client.post(routes.notificationChannels, {
    kind: "webhook",
    name: "Reminders",
    url: receiver.url,
    events: ["connector.sandbox_refresh_due", "activity.stalled"],
  });
  const made = channelCreatedResponseSchema.parse(res.json());
  channelId = made.channel.id;
  receiver.useSecret(made.signingSecret ?? "");
});
afterAll(async () => {
  await bff.close();
  await receiver.close();
});

const types = () => receiver.received.map((r) => (r.payload as { type: string; data: { connector: { id: string } } }) ?? null);

describe("time-based notifications", () => {
  it("when a sandbox connector's weekly refresh is less than a day away, then one reminder is sent however many rounds see it", async () => {
    // Thursday 8 pm Pacific: the refresh is Friday 6 pm, 22 hours later.
    bff.clock.now = new Date("2026-12-04T04:00:00.000Z");
    try {
      await bff.store.insertConnector(
        connectorRecord("sbx", { name: "Sandbox one", environment: "sandbox", tenant: "acme_impl", connectedAt: "2026-12-04T03:30:00.000Z" }),
        created,
      );
      await bff.store.insertConnector(
        connectorRecord("prod", { name: "Production one", environment: "production", connectedAt: "2026-12-04T03:30:00.000Z" }),
        created,
      );
      for (let i = 0; i < 3; i++) await bff.app.background.queueReminders();
      await bff.app.background.runDeliveries();
      const reminders = types().filter((p) => p.type === "connector.sandbox_refresh_due");
      expect(reminders.map((p) => p.data.connector.id)).toEqual(["sbx"]);
      expect(reminders[0]).toMatchObject({ data: { refreshAt: "2026-12-05T02:00:00.000Z" } });
    } finally {
      bff.clock.now = null;
    }
  });

  it("when no activity window has completed for the poll interval plus the stall threshold, then activity.stalled is sent once for that stall", async () => {
    const connectedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
    await bff.store.insertConnector(connectorRecord("quiet", { name: "Quiet one", environment: "production", connectedAt }), created);
    await bff.store.insertConnector(connectorRecord("fresh", { name: "Fresh one", environment: "production", connectedAt: new Date().toISOString() }), created);
    for (let i = 0; i < 3; i++) await bff.app.background.queueReminders();
    await bff.app.background.runDeliveries();
    // The first test's connectors have been quiet since December 4 too; this test is about these two.
    const stalls = types().filter((p) => p.type === "activity.stalled" && ["quiet", "fresh"].includes(p.data.connector.id));
    expect(stalls.map((p) => p.data.connector.id)).toEqual(["quiet"]);
    expect(stalls[0]).toMatchObject({ data: { lastActivityAt: connectedAt, thresholdMinutes: 60 } });
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });

  it("when the delivery log is older than NOTIFY_RETENTION_DAYS, then the hourly prune removes it, and the channel's log keeps only what is newer", async () => {
    const log = async () =>
      deliveryLogResponseSchema.parse((await bff.client.get(routes.notificationChannelDeliveries(channelId))).json()).attempts.map((a) => a.eventType);
    expect(await log()).toEqual(expect.arrayContaining(["connector.sandbox_refresh_due", "activity.stalled"]));
    // 31 days after the first test's clock: its reminder is past retention; the stall sent today is not.
    bff.clock.now = new Date("2027-01-04T05:00:00.000Z");
    try {
      expect((await bff.app.background.pruneDeliveryLog()).events).toBeGreaterThanOrEqual(1);
      expect(await log()).not.toContain("connector.sandbox_refresh_due");
      expect(await log()).toContain("activity.stalled");
      bff.clock.now = new Date(Date.now() + 40 * 86_400_000);
      await bff.app.background.pruneDeliveryLog();
      expect(await log()).toEqual([]);
      expect(await bff.app.background.pruneDeliveryLog()).toEqual({ attempts: 0, events: 0 });
    } finally {
      bff.clock.now = null;
    }
  });
});
