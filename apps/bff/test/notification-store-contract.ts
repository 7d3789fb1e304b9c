import { describe, expect, it } from "vitest";
import type { ConnectorRecord, Store } from "../src/store/types";
import type { ChannelRecord, OutboxEvent } from "../src/notifications/notification-store";
import { channelWants } from "../src/notifications/dispatcher";
import { channelRecord } from "./channel-record";

/** Notification storage every store must share; part of describeStoreContract. */
export function describeNotificationStoreContract(engine: string, open: () => Promise<Store>, connector: (id: string, name: string) => ConnectorRecord) {
  const t0 = new Date("2026-11-29T10:00:00.000Z");
  const at = (ms: number) => new Date(t0.getTime() + ms);
  const created = { at: t0.toISOString(), from: null, to: "pending_configuration" as const, reasonCode: null, actor: "tester" };
  const channel = (id: string, over: Partial<ChannelRecord> = {}) => channelRecord(id, t0.toISOString(), over);
  const event = (id: string, over: Partial<OutboxEvent> = {}): OutboxEvent => ({
    id,
    type: "connector.status_changed",
    connectorId: "c1",
    channelId: null,
    onceKey: null,
    data: { from: "connected", to: "relink_needed" },
    createdAt: t0.toISOString(),
    ...over,
  });

  describe(`${engine} notification store`, () => {
    it("when a connector update carries an event, then both are stored together and the event fans out to the channels that want it, once", async () => {
      const s = await open();
      try {
        await s.insertConnector(connector("c1", "One"), created);
        await s.insertChannel(channel("all"));
        await s.insertChannel(channel("other", { connectorIds: ["c2"] }));
        await s.insertChannel(channel("off", { enabled: false }));
        await s.updateConnector("c1", { status: "relink_needed" }, undefined, [event("e1")]);
        expect(await s.fanOutEvents(10, at(1).toISOString(), channelWants)).toBe(1);
        expect(await s.fanOutEvents(10, at(2).toISOString(), channelWants)).toBe(0);
        const jobs = await s.claimDueDeliveries("me", 10, 60_000, at(3));
        expect(jobs.map((j) => [j.channel.id, j.event.id, j.attempts])).toEqual([["all", "e1", 0]]);
        expect(jobs[0]?.event.data).toEqual({ from: "connected", to: "relink_needed" });
      } finally {
        await s.close();
      }
    });

    it("when channels set a lowest alert severity, then an alert fans out only to those at or below its severity, and other events to all", async () => {
      const s = await open();
      try {
        const events: ChannelRecord["events"] = ["activity.alert", "connector.status_changed"];
        await s.insertChannel(channel("every", { events }));
        await s.insertChannel(channel("medium", { events, alertMinSeverity: "medium" }));
        await s.insertChannel(channel("high", { events, alertMinSeverity: "high" }));
        expect((await s.getChannel("high"))?.alertMinSeverity).toBe("high");
        const alert = (id: string, severity: string) => event(id, { type: "activity.alert", connectorId: null, data: { severity } });
        for (const e of [alert("low", "low"), alert("med", "medium"), alert("hi", "high"), event("status", { connectorId: null })]) {
          expect(await s.enqueueEvent(e)).toBe(true);
        }
        await s.fanOutEvents(10, at(1).toISOString(), channelWants);
        const jobs = await s.claimDueDeliveries("me", 20, 60_000, at(2));
        const sent = (channelId: string) =>
          jobs
            .filter((j) => j.channel.id === channelId)
            .map((j) => j.event.id)
            .sort();
        expect(sent("every")).toEqual(["hi", "low", "med", "status"]);
        expect(sent("medium")).toEqual(["hi", "med", "status"]);
        expect(sent("high")).toEqual(["hi", "status"]);
      } finally {
        await s.close();
      }
    });

    it("when a channel has an hourly alert limit, then it gets that many alerts an hour, counts the rest as held back and is told so, other events and channels unaffected", async () => {
      const s = await open();
      try {
        const events: ChannelRecord["events"] = ["activity.alert", "connector.status_changed"];
        await s.insertChannel(channel("capped", { events, alertHourlyLimit: 2 }));
        await s.insertChannel(channel("every", { events }));
        const alert = (id: string) => event(id, { type: "activity.alert", connectorId: null, data: { severity: "high" } });
        const minute = 60_000;
        const fanOut = async (ids: string[], atMs: number) => {
          for (const id of ids) await s.enqueueEvent(id.startsWith("a") ? alert(id) : event(id, { connectorId: null }));
          await s.fanOutEvents(10, at(atMs).toISOString(), channelWants);
        };
        // Two batches in the first hour: the limit counts across them.
        await fanOut(["a1", "s1"], 0);
        await fanOut(["a2", "a3", "a4", "s2"], 10 * minute);
        // An hour after the first delivery there is room for one more; after the second, for two.
        await fanOut(["a5", "a6"], 60 * minute + 1);
        const sent = async (channelId: string) =>
          (await s.claimDueDeliveries("me", 50, 60_000, at(2 * 60 * minute)))
            .filter((j) => j.channel.id === channelId)
            .map((j) => j.event.id)
            .sort();
        const all = await s.claimDueDeliveries("me", 50, 60_000, at(2 * 60 * minute));
        const of = (id: string) =>
          all
            .filter((j) => j.channel.id === id && j.event.type !== "activity.alert_limit_reached")
            .map((j) => j.event.id)
            .sort();
        expect(of("capped")).toEqual(["a1", "a2", "a5", "s1", "s2"]);
        // Told when the limit first held an alert back (queued then, sent by a later round); not
        // again within the hour after that, and never the channel without a limit.
        const notices = all.filter((j) => j.event.type === "activity.alert_limit_reached");
        expect(notices.map((j) => [j.channel.id, j.event.createdAt, j.event.data])).toEqual([
          ["capped", at(10 * minute).toISOString(), { channel: { id: "capped", name: "Channel capped" }, limit: 2 }],
        ]);
        expect(of("every")).toEqual(["a1", "a2", "a3", "a4", "a5", "a6", "s1", "s2"]);
        const capped = await s.getChannel("capped");
        expect(capped?.alertHourlyLimit).toBe(2);
        expect(capped?.alertsHeldBack).toBe(3);
        expect(capped?.lastHeldBackAt).toBe(at(60 * minute + 1).toISOString());
        const every = await s.getChannel("every");
        expect([every?.alertHourlyLimit, every?.alertsHeldBack, every?.lastHeldBackAt]).toEqual([null, 0, null]);
        // An edit keeps the count; lifting the limit lets every alert through again.
        await s.updateChannel("capped", { alertHourlyLimit: null, name: "Uncapped" });
        expect((await s.getChannel("capped"))?.alertsHeldBack).toBe(3);
        await fanOut(["a7"], 70 * minute);
        expect(await sent("capped")).toEqual(["a7"]);
      } finally {
        await s.close();
      }
    });

    it("when a channel's noticed hour is over, then it is told once how many alerts its limit held back, whether alerts still come or not", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("capped", { events: ["activity.alert"], alertHourlyLimit: 1 }));
        const minute = 60_000;
        const fanOut = async (ids: string[], atMs: number) => {
          for (const id of ids) await s.enqueueEvent(event(id, { type: "activity.alert", connectorId: null, data: { severity: "high" } }));
          await s.fanOutEvents(10, at(atMs).toISOString(), channelWants);
        };
        await fanOut(["a1", "a2", "a3"], 0);
        await fanOut(["a4"], 10 * minute);
        // Not before the hour is over; then once, with no alert coming to carry it.
        await fanOut([], 59 * minute);
        await fanOut([], 60 * minute);
        await fanOut([], 61 * minute);
        // The hour rolls: one alert goes, the next is held back and a new hour is noticed.
        await fanOut(["a5", "a6"], 65 * minute);
        await fanOut([], 125 * minute);
        await fanOut([], 200 * minute);
        const jobs = (await s.claimDueDeliveries("me", 50, 60_000, at(300 * minute))).filter((j) => j.channel.id === "capped");
        expect(jobs.map((j) => (j.event.type === "activity.alert" ? j.event.id : j.event.type))).toEqual([
          "a1",
          "activity.alert_limit_reached",
          "activity.alert_limit_summary",
          "a5",
          "activity.alert_limit_reached",
          "activity.alert_limit_summary",
        ]);
        const summaries = jobs.filter((j) => j.event.type === "activity.alert_limit_summary");
        expect(summaries.map((j) => [j.event.createdAt, j.event.data])).toEqual([
          [
            at(60 * minute).toISOString(),
            { channel: { id: "capped", name: "Channel capped" }, limit: 1, heldBack: 3, from: at(0).toISOString(), to: at(10 * minute).toISOString() },
          ],
          [
            at(125 * minute).toISOString(),
            {
              channel: { id: "capped", name: "Channel capped" },
              limit: 1,
              heldBack: 1,
              from: at(65 * minute).toISOString(),
              to: at(65 * minute).toISOString(),
            },
          ],
        ]);
        const capped = await s.getChannel("capped");
        expect([capped?.alertsHeldBack, capped?.heldBackAtNotice]).toEqual([4, null]);
      } finally {
        await s.close();
      }
    });

    it("when alerts are held back again just as the noticed hour ends, then the summary of that hour comes before the new notice; a channel whose limit was lifted is still told", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("capped", { events: ["activity.alert"], alertHourlyLimit: 1 }));
        await s.insertChannel(channel("lifted", { events: ["activity.alert"], alertHourlyLimit: 1 }));
        const fanOut = async (ids: string[], atMs: number) => {
          for (const id of ids) await s.enqueueEvent(event(id, { type: "activity.alert", connectorId: null, data: { severity: "high" } }));
          await s.fanOutEvents(10, at(atMs).toISOString(), channelWants);
        };
        await fanOut(["a1", "a2"], 0);
        await s.updateChannel("lifted", { alertHourlyLimit: null });
        await fanOut(["a3", "a4"], 3_600_000);
        await fanOut([], 3_600_001);
        const jobs = await s.claimDueDeliveries("me", 50, 60_000, at(2 * 3_600_000));
        const seen = (id: string) => jobs.filter((j) => j.channel.id === id).map((j) => (j.event.type === "activity.alert" ? j.event.id : j.event.type));
        expect(seen("capped")).toEqual(["a1", "activity.alert_limit_reached", "a3", "activity.alert_limit_summary", "activity.alert_limit_reached"]);
        expect(seen("lifted")).toEqual(["a1", "activity.alert_limit_reached", "a3", "a4", "activity.alert_limit_summary"]);
        const summary = jobs.find((j) => j.channel.id === "lifted" && j.event.type === "activity.alert_limit_summary");
        expect(summary?.event.data).toMatchObject({ limit: null, heldBack: 1 });
        expect((await s.getChannel("capped"))?.heldBackAtNotice).toBe(1);
      } finally {
        await s.close();
      }
    });

    it("when the delivery log is pruned, then settled events, their deliveries and attempts before the cutoff go; unsent ones and newer ones stay", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("ch"));
        const day = 86_400_000;
        const queue = async (id: string, atMs: number) => s.enqueueEvent(event(id, { connectorId: null, createdAt: at(atMs).toISOString() }));
        // Three old events: delivered, still retrying, not fanned out yet; and a new delivered one.
        await queue("delivered", 0);
        await queue("retrying", 0);
        await s.fanOutEvents(10, at(1).toISOString(), channelWants);
        for (const job of await s.claimDueDeliveries("me", 10, 60_000, at(2))) {
          const delivered = job.event.id === "delivered";
          await s.recordAttempt(job, {
            at: at(3).toISOString(),
            attempt: 1,
            outcome: delivered ? "delivered" : "retrying",
            answer: delivered ? "HTTP 200" : "HTTP 503",
            nextAttemptAt: delivered ? null : at(40 * day).toISOString(),
          });
        }
        await queue("recent", 39 * day);
        await s.fanOutEvents(10, at(39 * day).toISOString(), channelWants);
        const [recentJob] = (await s.claimDueDeliveries("me", 10, 60_000, at(39 * day))).filter((j) => j.event.id === "recent");
        if (!recentJob) throw new Error("no job");
        await s.recordAttempt(recentJob, { at: at(39 * day).toISOString(), attempt: 1, outcome: "delivered", answer: "HTTP 200", nextAttemptAt: null });
        // Queued long ago and never fanned out (no round ran since).
        await queue("unsent", 0);

        expect(await s.pruneNotificationLog(at(30 * day).toISOString())).toEqual({ attempts: 2, events: 1 });
        expect((await s.listAttempts("ch", 10)).map((a) => a.eventId)).toEqual(["recent"]);
        // The retrying delivery is still sent when due, and the event never fanned out still fans out.
        expect(await s.fanOutEvents(10, at(40 * day).toISOString(), channelWants)).toBe(1);
        const due = await s.claimDueDeliveries("me", 10, 60_000, at(40 * day + 1));
        expect(due.map((j) => j.event.id).sort()).toEqual(["retrying", "unsent"]);
        expect(await s.pruneNotificationLog(at(30 * day).toISOString())).toEqual({ attempts: 0, events: 0 });
      } finally {
        await s.close();
      }
    });

    it("when the connector update fails, then no event is queued", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("all"));
        expect(await s.updateConnector("missing", { status: "relink_needed" }, undefined, [event("lost")])).toBeNull();
        expect(await s.fanOutEvents(10, at(1).toISOString(), channelWants)).toBe(0);
      } finally {
        await s.close();
      }
    });

    it("when an event with the same once-key is queued twice, then the second is refused", async () => {
      const s = await open();
      try {
        expect(await s.enqueueEvent(event("a", { onceKey: "stall:c1:t" }))).toBe(true);
        expect(await s.enqueueEvent(event("b", { onceKey: "stall:c1:t" }))).toBe(false);
        expect(await s.enqueueEvent(event("c"))).toBe(true);
        expect(await s.enqueueEvent(event("d"))).toBe(true);
      } finally {
        await s.close();
      }
    });

    it("when a delivery is claimed, then nobody else gets it until its lease ends; a retry comes back when due, in queue order", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("ch"));
        await s.enqueueEvent(event("first", { connectorId: null }));
        await s.enqueueEvent(event("second", { connectorId: null }));
        await s.fanOutEvents(10, at(0).toISOString(), channelWants);
        const mine = await s.claimDueDeliveries("a", 10, 60_000, at(1));
        expect(mine.map((j) => j.event.id)).toEqual(["first", "second"]);
        expect(await s.claimDueDeliveries("b", 10, 60_000, at(2))).toEqual([]);
        const [first] = mine;
        if (!first) throw new Error("no job");
        await s.recordAttempt(first, { at: at(3).toISOString(), attempt: 1, outcome: "retrying", answer: "HTTP 500", nextAttemptAt: at(10_000).toISOString() });
        await s.releaseLease(`notify:${first.id}`, "a");
        expect(await s.claimDueDeliveries("b", 10, 60_000, at(5_000))).toEqual([]);
        const again = await s.claimDueDeliveries("b", 10, 60_000, at(10_001));
        expect(again.map((j) => [j.event.id, j.attempts])).toEqual([["first", 1]]);
        const [log] = await s.listAttempts("ch", 10);
        expect(log).toMatchObject({ eventId: "first", eventType: "connector.status_changed", attempt: 1, outcome: "retrying", answer: "HTTP 500" });
      } finally {
        await s.close();
      }
    });

    it("when a delivery is delivered or given up, then it is never claimed again; deleting the channel removes its log", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("ch"));
        await s.enqueueEvent(event("e", { connectorId: null }));
        await s.fanOutEvents(10, at(0).toISOString(), channelWants);
        const [job] = await s.claimDueDeliveries("a", 10, 60_000, at(1));
        if (!job) throw new Error("no job");
        await s.recordAttempt(job, { at: at(2).toISOString(), attempt: 1, outcome: "delivered", answer: "HTTP 200", nextAttemptAt: null });
        await s.releaseLease(`notify:${job.id}`, "a");
        expect(await s.claimDueDeliveries("a", 10, 60_000, at(999_999))).toEqual([]);
        expect(await s.deleteChannel("ch")).toBe(true);
        expect(await s.listAttempts("ch", 10)).toEqual([]);
        expect(await s.getChannel("ch")).toBeNull();
      } finally {
        await s.close();
      }
    });

    it("when a channel is updated, then its fields read back as written; its sealed secret is listed for key rotation", async () => {
      const s = await open();
      try {
        await s.insertChannel(channel("ch", { kind: "email", urlEnc: null, urlHint: null, format: null, secretEnc: null, recipients: ["a@example.com"] }));
        await s.insertChannel(channel("wh"));
        const after = await s.updateChannel("ch", {
          recipients: ["b@example.com", "c@example.com"],
          connectorIds: ["c1"],
          enabled: false,
          events: ["activity.stalled"],
        });
        expect(after).toMatchObject({
          kind: "email",
          recipients: ["b@example.com", "c@example.com"],
          connectorIds: ["c1"],
          enabled: false,
          events: ["activity.stalled"],
        });
        expect(await s.updateChannel("nope", { name: "x" })).toBeNull();
        const sealed = (await s.listCiphertexts()).filter((r) => r.table === "notification_channels");
        expect(sealed).toEqual([
          { table: "notification_channels", id: "wh", connectorId: "wh", fields: { signingSecret: "v1.sealed", webhookUrl: "v1.sealed-url" } },
        ]);
        expect(
          await s.replaceCiphertexts({ table: "notification_channels", id: "wh" }, [{ field: "signingSecret", expected: "v1.sealed", next: "v2.sealed" }]),
        ).toBe(1);
        expect((await s.getChannel("wh"))?.secretEnc).toBe("v2.sealed");
      } finally {
        await s.close();
      }
    });
  });
}
