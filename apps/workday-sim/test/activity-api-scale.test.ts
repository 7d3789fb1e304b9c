import { describe, expect, it } from "vitest";
import { activityClient } from "./support/activity";
import { control, useSimulator } from "./support/sim";

const ctx = useSimulator({ now: () => new Date("2024-06-05T12:00:00Z") });

describe("activityLogging over HTTP with a large tenant", () => {
  it("when the tenant is regenerated with 1,000,000 events, then count, total and a page at the offset ceiling are right", async () => {
    const put = await control(ctx.sim, "PUT", "/tenants/acme/activity", { events: 1_000_000, days: 30, seed: 11, end: "2024-06-05T12:00:00Z" });
    expect(put.json).toMatchObject({ events: 1_000_000, days: 30, seed: 11, end: "2024-06-05T12:00:00.000Z" });
    const { query } = await activityClient(ctx.sim);
    const window = { from: "2024-05-06T12:00:00Z", to: "2024-06-05T12:00:00Z" };
    expect((await query({ ...window, returnUserActivityEntryCount: "true" })).json).toEqual({ data: [{ userActivityEntryCount: 1_000_000 }], total: 1 });
    const deep = await query({ ...window, offset: "10000", limit: "1000" });
    expect(deep.json.total).toBe(1_000_000);
    expect(deep.json.data).toHaveLength(1000);
    const lastTime = String(deep.json.data.at(-1)?.requestTime);
    // Splunk's re-anchoring: from = last row's second, offset 0, continues without a gap.
    const anchored = await query({ ...window, from: lastTime.replace(/\.\d{3}Z$/, "Z"), limit: "1000" });
    expect(anchored.json.data.map((r) => r.requestTime)).toContain(lastTime);
  });

  it("when a real event is added through the control API, then it appears in the log at its time", async () => {
    const added = await control(ctx.sim, "POST", "/tenants/acme/activity/events", {
      requestTime: "2024-06-01T10:00:00Z",
      systemAccount: "jdoe",
      taskDisplayName: "Change Password",
      activityAction: "WRITE",
    });
    expect(added.status).toBe(201);
    const { query } = await activityClient(ctx.sim);
    const res = await query({ from: "2024-06-01T10:00:00Z", to: "2024-06-01T10:00:01Z" });
    expect(res.json.data.find((r) => r.systemAccount === "jdoe")).toMatchObject({
      requestTime: "2024-06-01T10:00:00.000Z",
      taskDisplayName: "Change Password",
      activityAction: "WRITE",
      deviceType: "Desktop",
    });
  });

  it("when the activity body is invalid, then 400 naming the field", async () => {
    const res = await control(ctx.sim, "PUT", "/tenants/acme/activity", { events: -1 });
    expect(res.status).toBe(400);
    expect(res.json.error).toMatch(/^events:/);
  });
});
