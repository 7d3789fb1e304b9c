import { describe, expect, it } from "vitest";
import { emailBodies, webhookBody } from "../src/notifications/render";
import type { OutboxEvent } from "../src/notifications/notification-store";

const broke: OutboxEvent = {
  id: "msg_1",
  type: "connector.status_changed",
  connectorId: "c1",
  channelId: null,
  onceKey: null,
  data: {
    connector: { id: "c1", name: "Acme <prod>", tenant: "acme", environment: "production" },
    from: "connected",
    to: "relink_needed",
    recovered: false,
    reasonCode: "refresh_invalid_grant",
    title: "Workday no longer accepts the connection's refresh token",
  },
  createdAt: "2026-12-05T10:00:00.000Z",
};
const console_ = "https://connect.example.com";

describe("notification bodies", () => {
  it("when the format is standard, then the body is the Standard Webhooks event with the connector link added", () => {
    expect(JSON.parse(webhookBody(broke, "standard", console_))).toEqual({
      type: "connector.status_changed",
      timestamp: "2026-12-05T10:00:00.000Z",
      data: { ...broke.data, url: "https://connect.example.com/connectors/c1", label: "A connector's status changed (broke, or recovered)" },
    });
  });

  it("when the format is Slack, then the body is a text message with the status in words and a link, and names cannot mention anyone", () => {
    const body = JSON.parse(webhookBody(broke, "slack", console_)) as { text: string };
    expect(body.text).toContain("*Reconnect needed: Acme &lt;prod&gt; (acme)*");
    const pinging = { ...broke, data: { ...broke.data, connector: { id: "c1", name: "<!channel>", tenant: null, environment: null } } };
    expect((JSON.parse(webhookBody(pinging, "slack", console_)) as { text: string }).text).not.toContain("<!channel>");
    expect(body.text).toContain("changed from Connected to Reconnect needed");
    expect(body.text).toContain("<https://connect.example.com/connectors/c1|Open in workday-connect>");
  });

  it("when the format is Teams, then the body is a MessageCard with an Open button", () => {
    const body = JSON.parse(webhookBody(broke, "teams", console_)) as Record<string, unknown>;
    expect(body).toMatchObject({ "@type": "MessageCard", title: "Reconnect needed: Acme <prod> (acme)" });
    expect(body.potentialAction).toEqual([
      { "@type": "OpenUri", name: "Open in workday-connect", targets: [{ os: "default", uri: "https://connect.example.com/connectors/c1" }] },
    ]);
  });

  it("when an email is written, then the HTML escapes the connector's name and both parts carry the link", () => {
    const m = emailBodies(broke, console_);
    expect(m.subject).toBe("Reconnect needed: Acme <prod> (acme)");
    expect(m.html).toContain("Acme &#60;prod&#62;");
    expect(m.html).not.toContain("<prod>");
    expect(m.text).toContain("https://connect.example.com/connectors/c1");
    expect(m.html).toContain('href="https://connect.example.com/connectors/c1"');
  });

  it("when a connector recovered, then the words say so and name the status it came back from", () => {
    const recovered = { ...broke, data: { ...broke.data, from: "relink_needed", to: "connected", recovered: true, reasonCode: null, title: null } };
    expect(emailBodies(recovered, console_).subject).toBe("Recovered: Acme <prod> (acme) is connected again");
    expect(emailBodies(recovered, console_).text).toContain("(it was Reconnect needed)");
  });
  it("when a channel's alert limit held alerts back, then the words give the limit, say the next alerts wait, and link to the Alerts page", () => {
    const notice: OutboxEvent = {
      id: "msg_2",
      type: "activity.alert_limit_reached",
      connectorId: null,
      channelId: "ch1",
      onceKey: null,
      data: { channel: { id: "ch1", name: "SOC <list>" }, limit: 20 },
      createdAt: "2026-12-05T10:00:00.000Z",
    };
    const m = emailBodies(notice, console_);
    expect(m.subject).toBe("Alert limit reached: SOC <list>");
    expect(m.text).toContain("at most 20 alert messages an hour");
    expect(m.text).toContain("Every alert is on the Alerts page.");
    expect(m.text).toContain("https://connect.example.com/alerts");
    expect(m.html).toContain("at most 20 alert messages an hour");
    expect((JSON.parse(webhookBody(notice, "slack", console_)) as { text: string }).text).toContain("*Alert limit reached: SOC &lt;list&gt;*");
  });
  it("when a channel's limited hour is summed up, then the words give how many were not sent, from when to when, the limit, and link to the Alerts page", () => {
    const summary: OutboxEvent = {
      id: "msg_3",
      type: "activity.alert_limit_summary",
      connectorId: null,
      channelId: "ch1",
      onceKey: "activity.alert_limit_summary:ch1:2026-12-05T10:00:00.000Z",
      data: { channel: { id: "ch1", name: "SOC list" }, limit: 20, heldBack: 312, from: "2026-12-05T10:00:00.000Z", to: "2026-12-05T10:58:00.000Z" },
      createdAt: "2026-12-05T11:00:00.000Z",
    };
    const m = emailBodies(summary, console_);
    expect(m.subject).toBe("Alert limit: 312 alerts not sent to SOC list");
    expect(m.text).toContain(
      "From 2026-12-05T10:00:00.000Z to 2026-12-05T10:58:00.000Z, 312 alerts were not sent to this channel because of its limit of 20 an hour.",
    );
    expect(m.text).toContain("https://connect.example.com/alerts");
    const one = emailBodies({ ...summary, data: { ...summary.data, heldBack: 1, limit: null } }, console_);
    expect(one.subject).toBe("Alert limit: 1 alert not sent to SOC list");
    expect(one.text).toContain("1 alert was not sent to this channel because of its hourly limit (lifted since).");
    const body = JSON.parse(webhookBody(summary, "standard", console_)) as { type: string; data: Record<string, unknown> };
    expect(body).toMatchObject({ type: "activity.alert_limit_summary", data: { heldBack: 312, limit: 20, url: "https://connect.example.com/alerts" } });
  });
});
