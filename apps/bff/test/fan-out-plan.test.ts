import { describe, expect, it } from "vitest";
import { planFanOut, summariesDue } from "../src/notifications/fan-out-plan";
import { channelWants } from "../src/notifications/dispatcher";
import type { ChannelRecord, OutboxEvent } from "../src/notifications/notification-store";
import { channelRecord } from "./channel-record";

const at = "2026-11-29T10:00:00.000Z";
const channel = (id: string, over: Partial<ChannelRecord> = {}) => channelRecord(id, at, { events: ["activity.alert", "connector.status_changed"], ...over });
const event = (id: string, type: OutboxEvent["type"] = "activity.alert"): OutboxEvent => ({
  id,
  type,
  connectorId: "c1",
  channelId: null,
  onceKey: null,
  data: { severity: "high" },
  createdAt: at,
});
const sentTo = (plan: ReturnType<typeof planFanOut>, channelId: string) => plan.deliveries.filter((d) => d.channel.id === channelId).map((d) => d.event.id);

describe("fan-out plan", () => {
  it("when a channel has room for two more alerts this hour, then the first two go to it, the rest are held back, and a status event still goes", () => {
    const events = [event("a1"), event("a2"), event("s1", "connector.status_changed"), event("a3"), event("a4")];
    const plan = planFanOut(events, [channel("capped", { alertHourlyLimit: 5 }), channel("every")], channelWants, new Map([["capped", 3]]), at);
    expect(sentTo(plan, "capped")).toEqual(["a1", "a2", "s1"]);
    expect(sentTo(plan, "every")).toEqual(["a1", "a2", "s1", "a3", "a4"]);
    expect([...plan.heldBack]).toEqual([["capped", 2]]);
    expect(plan.notify.map((c) => c.id)).toEqual(["capped"]);
  });

  it("when a channel was told of its limit less than an hour ago, then alerts held back now tell it nothing; an hour later they do", () => {
    const told = channel("capped", { alertHourlyLimit: 1, lastLimitNoticeAt: "2026-11-29T09:00:00.001Z" });
    const sent = new Map([["capped", 1]]);
    expect(planFanOut([event("a1"), event("a2")], [told], channelWants, sent, at).notify).toEqual([]);
    expect(planFanOut([event("a1")], [told], channelWants, sent, "2026-11-29T10:00:00.001Z").notify.map((c) => c.id)).toEqual(["capped"]);
  });

  it("when a channel already got more alerts than its limit (the limit was lowered), then none go and none are counted twice", () => {
    const plan = planFanOut([event("a1")], [channel("capped", { alertHourlyLimit: 2 })], channelWants, new Map([["capped", 7]]), at);
    expect(plan.deliveries).toEqual([]);
    expect(plan.heldBack.get("capped")).toBe(1);
  });

  it("when a limited channel does not want an alert (below its severity), then it is neither sent nor counted as held back", () => {
    const low = { ...event("a1"), data: { severity: "low" } };
    const plan = planFanOut([low], [channel("capped", { alertHourlyLimit: 1, alertMinSeverity: "high" })], channelWants, new Map(), at);
    expect(plan.deliveries).toEqual([]);
    expect(plan.heldBack.size).toBe(0);
    expect(plan.notify).toEqual([]);
  });

  it("when a channel was told of its limit an hour ago or more, then how many its limit held back since is due, from the notice to the last one held back", () => {
    const told = channel("capped", {
      alertHourlyLimit: 5,
      alertsHeldBack: 42,
      heldBackAtNotice: 30,
      lastLimitNoticeAt: "2026-11-29T09:00:00.000Z",
      lastHeldBackAt: "2026-11-29T09:40:00.000Z",
    });
    expect(summariesDue([told], "2026-11-29T09:59:59.999Z")).toEqual([]);
    expect(summariesDue([told], at).map(({ channel: c, ...rest }) => [c.id, rest])).toEqual([
      ["capped", { heldBack: 12, from: "2026-11-29T09:00:00.000Z", to: "2026-11-29T09:40:00.000Z" }],
    ]);
    // Summed up already (or never told): nothing due, even with no limit.
    expect(summariesDue([{ ...told, heldBackAtNotice: null }], at)).toEqual([]);
    expect(summariesDue([{ ...told, alertHourlyLimit: null }], at)).toHaveLength(1);
  });

  it("when the noticed hour is over and alerts are held back again, then the plan sums up that hour and notices the new one", () => {
    const told = channel("capped", { alertHourlyLimit: 1, alertsHeldBack: 3, heldBackAtNotice: 0, lastLimitNoticeAt: "2026-11-29T09:00:00.000Z" });
    const plan = planFanOut([event("a1"), event("a2")], [told], channelWants, new Map([["capped", 1]]), at);
    expect(plan.summaries.map((x) => [x.channel.id, x.heldBack])).toEqual([["capped", 3]]);
    expect(plan.notify.map((c) => c.id)).toEqual(["capped"]);
    expect(plan.heldBack.get("capped")).toBe(2);
  });
});
