import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApiErrorBody,
  channelCreatedResponseSchema,
  signingSecretResponseSchema,
  testQueuedResponseSchema,
  channelsResponseSchema,
  deliveryLogResponseSchema,
  routes,
} from "@wc/contracts";
import { connect, preparedConnector, simApi, startStack } from "./sim-fixture";
import { startReceiver } from "./webhook-receiver";

type Stack = Awaited<ReturnType<typeof startStack>>;
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let stack: Stack;
let receiver: Receiver;
/** The first three requests fail with 500 (or as `failing` says), the rest succeed. */
let failing: (n: number) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 });

beforeAll(async () => {
  receiver = await startReceiver((n) => failing(n));
  stack = await startStack({
    outboundTimeoutMs: 2000,
    notify: { allowedHosts: receiver.allowEntry, delivery: { retryBaseMs: 10, retryMaxMs: 40, giveUpAfterMs: 24 * 3_600_000, random: () => 0.5 } },
  });
});
afterAll(async () => {
  await stack.close();
  await receiver.close();
});

const deliver = () => stack.bff.app.background.runDeliveries();

/** Runs delivery rounds until `done` holds (retries wait a few ms between rounds). */
async function deliverUntil(done: () => boolean, rounds = 50) {
  for (let i = 0; i < rounds && !done(); i++) {
    await deliver();
    if (!done()) await new Promise((r) => setTimeout(r, 25));
  }
}

async function webhookChannel(over: Record<string, unknown> = {}) {
  const res = await stack.bff.client.post(routes.notificationChannels, {
    kind: "webhook",
    name: "SOC webhook",
    url: receiver.url,
    events: ["connector.status_changed"],
    ...over,
  });
  expect(res.status, res.text).toBe(201);
  const body = channelCreatedResponseSchema.parse(res.json());
  receiver.useSecret(body.signingSecret ?? "");
  return body;
}

const log = async (channelId: string) =>
  deliveryLogResponseSchema.parse((await stack.bff.client.get(routes.notificationChannelDeliveries(channelId))).json()).attempts;

describe("webhook channels", () => {
  it("when a webhook channel is created, then its signing secret comes back once and never again, and is stored sealed", async () => {
    const { channel, signingSecret } = await webhookChannel({ name: "Secret once" });
    expect(signingSecret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const list = await stack.bff.client.get(routes.notificationChannels);
    const one = await stack.bff.client.get(routes.notificationChannel(channel.id));
    for (const text of [list.text, one.text]) {
      expect(text).not.toContain(signingSecret);
      // The URL is a credential too (Slack, Teams): only its origin and last characters come back.
      expect(text).not.toContain(receiver.url);
    }
    expect(channel.urlHint).toBe(`${new URL(receiver.url).origin}/…${receiver.url.slice(-4)}`);
    const stored = await stack.bff.store.getChannel(channel.id);
    expect(stored?.secretEnc).toBeTruthy();
    expect(stored?.secretEnc).not.toContain(signingSecret?.slice(6, 20));
    expect(stored?.urlEnc).not.toContain("/hook");
    expect(stack.bff.logs.join("")).not.toContain(signingSecret);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });

  it("when Send test is used, then the receiver gets notification.test, verified by the standardwebhooks package, and the log says delivered", async () => {
    const { channel } = await webhookChannel({ name: "Test me" });
    const before = receiver.received.length;
    const queued = await stack.bff.client.post(routes.notificationChannelTest(channel.id));
    expect(queued.status).toBe(202);
    const { eventId } = testQueuedResponseSchema.parse(queued.json());
    await deliverUntil(() => receiver.received.length > before);
    const got = receiver.received.at(-1);
    expect(got).toMatchObject({ id: eventId, verified: true });
    expect(got?.payload).toMatchObject({ type: "notification.test", data: { sentBy: "Ada Admin" } });
    expect((await log(channel.id))[0]).toMatchObject({ eventId, eventType: "notification.test", attempt: 1, outcome: "delivered", answer: "HTTP 200" });
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });

  it("when the receiver answers 500 three times and then 200, then the fourth attempt delivers, with the same webhook-id each time, and the log shows all four", async () => {
    const { channel } = await webhookChannel({ name: "Flaky receiver" });
    const start = receiver.received.length;
    failing = (n) => ({ status: n - start <= 3 ? 500 : 200 });
    try {
      const { eventId } = testQueuedResponseSchema.parse((await stack.bff.client.post(routes.notificationChannelTest(channel.id))).json());
      await deliverUntil(() => receiver.received.some((r, i) => i >= start && r.status === 200));
      const mine = receiver.received.slice(start);
      expect(mine.map((r) => r.status)).toEqual([500, 500, 500, 200]);
      expect(new Set(mine.map((r) => r.id))).toEqual(new Set([eventId]));
      expect(mine.every((r) => r.verified)).toBe(true);
      const attempts = await log(channel.id);
      expect(attempts.map((a) => [a.attempt, a.outcome, a.answer])).toEqual([
        [4, "delivered", "HTTP 200"],
        [3, "retrying", "HTTP 500"],
        [2, "retrying", "HTTP 500"],
        [1, "retrying", "HTTP 500"],
      ]);
      expect(attempts.filter((a) => a.outcome === "retrying").every((a) => a.nextAttemptAt !== null)).toBe(true);
    } finally {
      failing = () => ({ status: 200 });
      await stack.bff.client.delete(routes.notificationChannel(channel.id));
    }
  });

  it("when the receiver asks to Retry-After 120 seconds, then the next try is scheduled no sooner", async () => {
    const { channel } = await webhookChannel({ name: "Busy receiver" });
    failing = () => ({ status: 429, headers: { "retry-after": "120" } });
    try {
      await stack.bff.client.post(routes.notificationChannelTest(channel.id));
      await deliverUntil(() => false, 1);
      const [a] = await log(channel.id);
      expect(a).toMatchObject({ outcome: "retrying", answer: "HTTP 429" });
      expect(Date.parse(a?.nextAttemptAt ?? "") - Date.parse(a?.at ?? "")).toBeGreaterThanOrEqual(120_000);
    } finally {
      failing = () => ({ status: 200 });
      await stack.bff.client.delete(routes.notificationChannel(channel.id));
    }
  });

  it("when a connector's grant is revoked and the admin reconnects, then exactly one status_changed to Reconnect needed and one recovery arrive, signed", async () => {
    const { channel } = await webhookChannel({ name: "Status changes" });
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim, "acme", { name: "Revoked then fixed" });
    await connect(bff.client, connector.id);
    const start = receiver.received.length;
    bff.clock.now = new Date(Date.now() + 2 * 3600_000); // the cached access token has expired
    await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: true });
    try {
      for (let i = 0; i < 3; i++) await bff.client.post(routes.connectorChecks(connector.id));
      await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
      bff.clock.now = null;
      await connect(bff.client, connector.id);
      for (let i = 0; i < 3; i++) await bff.client.post(routes.connectorChecks(connector.id));
      await deliverUntil(() => receiver.received.length - start >= 2);
      await deliver();
      const mine = receiver.received.slice(start).filter((r) => (r.payload as { data?: { connector?: { id?: string } } }).data?.connector?.id === connector.id);
      expect(mine.every((r) => r.verified)).toBe(true);
      expect(mine.map((r) => r.payload)).toMatchObject([
        {
          type: "connector.status_changed",
          data: {
            from: "connected",
            to: "relink_needed",
            recovered: false,
            reasonCode: "refresh_invalid_grant",
            connector: { name: "Revoked then fixed", tenant: "acme" },
          },
        },
        { type: "connector.status_changed", data: { from: "relink_needed", to: "connected", recovered: true } },
      ]);
      const first = mine[0]?.payload as { data: { title: string; url: string } };
      expect(first.data.title).toMatch(/refresh token/);
      expect(first.data.url).toBe(`${bff.url}/connectors/${connector.id}`);
    } finally {
      await simApi(sim, "PATCH", "/tenants/acme/accounts/isu_wdconnect", { disabled: false });
      bff.clock.now = null;
      await stack.bff.client.delete(routes.notificationChannel(channel.id));
    }
  });

  it("when a channel chooses some connectors, then another connector's events are not sent to it", async () => {
    const { bff, sim } = stack;
    const chosen = await preparedConnector(bff, sim, "acme", { name: "Chosen one" });
    const other = await preparedConnector(bff, sim, "acme", { name: "Not chosen" });
    const { channel } = await webhookChannel({ name: "Only one", connectorIds: [chosen.connector.id] });
    for (const c of [chosen, other]) {
      await connect(bff.client, c.connector.id);
      await bff.client.post(routes.connectorDisconnect(c.connector.id));
    }
    await deliver();
    const ids = (await log(channel.id)).map((a) => a.connectorId);
    expect(ids).toContain(chosen.connector.id);
    expect(ids).not.toContain(other.connector.id);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });

  it("when the target is https on a loopback address nobody listed, then the attempt gives up at once with the guard's reason", async () => {
    const res = await stack.bff.client.post(routes.notificationChannels, {
      kind: "webhook",
      name: "Sneaky",
      url: "https://127.0.0.1:9/hook",
      events: ["connector.status_changed"],
    });
    const { channel } = channelCreatedResponseSchema.parse(res.json());
    await stack.bff.client.post(routes.notificationChannelTest(channel.id));
    await deliver();
    const [a] = await log(channel.id);
    expect(a).toMatchObject({ attempt: 1, outcome: "gave_up", nextAttemptAt: null });
    expect(a?.answer).toMatch(/not a public address/);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });
});

describe("redirects", () => {
  it("when the receiver answers with a redirect, then it is not followed and the delivery gives up, saying so", async () => {
    const { channel } = await webhookChannel({ name: "Moved receiver" });
    failing = () => ({ status: 302, headers: { location: "http://127.0.0.1:1/elsewhere" } });
    try {
      await stack.bff.client.post(routes.notificationChannelTest(channel.id));
      await deliver();
      const [a] = await log(channel.id);
      expect(a).toMatchObject({ attempt: 1, outcome: "gave_up", nextAttemptAt: null });
      expect(a?.answer).toMatch(/redirect \(302\); redirects are not followed/);
    } finally {
      failing = () => ({ status: 200 });
      await stack.bff.client.delete(routes.notificationChannel(channel.id));
    }
  });
});

describe("channel validation and roles", () => {
  it("when a webhook URL is plain http to a host nobody listed, then 400 says so on the url field and nothing is stored", async () => {
    const before = (await stack.bff.store.listChannels()).length;
    const res = await stack.bff.client.post(routes.notificationChannels, {
      kind: "webhook",
      name: "Plain",
      url: "http://hooks.example.com/x",
      events: ["consent.completed"],
    });
    expect(res.status).toBe(400);
    expect(res.json<ApiErrorBody>().error.fields?.url).toMatch(/NOTIFY_ALLOWED_HOSTS/);
    expect((await stack.bff.store.listChannels()).length).toBe(before);
  });

  it("when no event or an empty connector list is chosen, then 400 names the field", async () => {
    const none = await stack.bff.client.post(routes.notificationChannels, { kind: "webhook", name: "Nothing", url: receiver.url, events: [] });
    expect(none.status).toBe(400);
    expect(none.json<ApiErrorBody>().error.fields?.events).toMatch(/at least one event/);
    const empty = await stack.bff.client.post(routes.notificationChannels, {
      kind: "email",
      name: "Nobody",
      recipients: ["a@example.com"],
      events: ["activity.stalled"],
      connectorIds: [],
    });
    expect(empty.status).toBe(400);
    expect(empty.json<ApiErrorBody>().error.fields?.connectorIds).toMatch(/at least one connector/);
  });

  it("when a channel sets the lowest alert severity, then it is kept and shown back, an edit changes it, and an unknown one is refused on its field", async () => {
    const body = { kind: "email", name: "Pager", recipients: ["oncall@example.com"], events: ["activity.alert"] };
    const unknown = await stack.bff.client.post(routes.notificationChannels, { ...body, alertMinSeverity: "urgent" });
    expect(unknown.status).toBe(400);
    expect(unknown.json<ApiErrorBody>().error.fields?.alertMinSeverity).toMatch(/low, medium or high/);
    const every = channelCreatedResponseSchema.parse((await stack.bff.client.post(routes.notificationChannels, body)).json()).channel;
    expect(every.alertMinSeverity).toBe("low");
    const high = await stack.bff.client.put(routes.notificationChannel(every.id), { ...body, alertMinSeverity: "high" });
    expect(high.status, high.text).toBe(200);
    const listed = channelsResponseSchema.parse((await stack.bff.client.get(routes.notificationChannels)).json()).channels;
    expect(listed.find((c) => c.id === every.id)?.alertMinSeverity).toBe("high");
  });

  it("when a channel sets an hourly alert limit, then it is kept and shown with nothing held back, an edit lifts it, and a limit that is not a whole number from 1 to 10,000 is refused on its field", async () => {
    const body = { kind: "email", name: "Mailing list", recipients: ["soc@example.com"], events: ["activity.alert"] };
    for (const bad of [0, 1.5, 10_001, "ten"]) {
      const res = await stack.bff.client.post(routes.notificationChannels, { ...body, alertHourlyLimit: bad });
      expect(res.status, String(bad)).toBe(400);
      expect(res.json<ApiErrorBody>().error.fields?.alertHourlyLimit, String(bad)).toMatch(/alert messages? an hour/);
    }
    const created = channelCreatedResponseSchema.parse(
      (await stack.bff.client.post(routes.notificationChannels, { ...body, alertHourlyLimit: 20 })).json(),
    ).channel;
    expect(created).toMatchObject({ alertHourlyLimit: 20, alertsHeldBack: 0, lastHeldBackAt: null });
    const lifted = await stack.bff.client.put(routes.notificationChannel(created.id), { ...body, alertHourlyLimit: null });
    expect(lifted.status, lifted.text).toBe(200);
    const listed = channelsResponseSchema.parse((await stack.bff.client.get(routes.notificationChannels)).json()).channels;
    expect(listed.find((c) => c.id === created.id)?.alertHourlyLimit).toBeNull();
  });

  it("when a support user reads channels, then the list answers, and creating, testing or deleting is 403", async () => {
    const { channel } = await webhookChannel({ name: "Read only for support" });
    const support = await stack.bff.signedIn("support");
    expect(channelsResponseSchema.parse((await support.get(routes.notificationChannels)).json()).channels.map((c) => c.id)).toContain(channel.id);
    expect((await support.get(routes.notificationChannelDeliveries(channel.id))).status).toBe(200);
    expect((await support.post(routes.notificationChannels, { kind: "webhook", name: "x", url: receiver.url, events: ["consent.completed"] })).status).toBe(
      403,
    );
    expect((await support.post(routes.notificationChannelTest(channel.id))).status).toBe(403);
    expect((await support.delete(routes.notificationChannel(channel.id))).status).toBe(403);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });

  it("when a new signing secret is made, then the receiver must use it: the old one no longer verifies", async () => {
    const { channel, signingSecret } = await webhookChannel({ name: "Rotated" });
    const fresh = signingSecretResponseSchema.parse((await stack.bff.client.post(routes.notificationChannelSecret(channel.id))).json());
    expect(fresh.signingSecret).not.toBe(signingSecret);
    receiver.useSecret(signingSecret ?? "");
    const before = receiver.received.length;
    await stack.bff.client.post(routes.notificationChannelTest(channel.id));
    await deliverUntil(() => receiver.received.length > before);
    expect(receiver.received.at(-1)?.verified).toBe(false);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });
});

describe("the webhook URL is a credential", () => {
  it("when a channel is edited without a URL, then the saved URL stays and still receives; the audit log holds only the hint", async () => {
    const { channel } = await webhookChannel({ name: "Keep my URL" });
    const res = await stack.bff.client.put(routes.notificationChannel(channel.id), { kind: "webhook", name: "Kept URL", events: ["connector.status_changed"] });
    expect(res.status, res.text).toBe(200);
    const before = receiver.received.length;
    await stack.bff.client.post(routes.notificationChannelTest(channel.id));
    await deliverUntil(() => receiver.received.length > before);
    expect(receiver.received.at(-1)?.verified).toBe(true);
    const audit = await stack.bff.client.get(`${routes.audit}?targetId=${channel.id}`);
    expect(audit.text).toContain("Kept URL");
    expect(audit.text).not.toContain(receiver.url);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });

  it("when a webhook channel is added without a URL, then 400 asks for it on the url field", async () => {
    const res = await stack.bff.client.post(routes.notificationChannels, { kind: "webhook", name: "No URL", events: ["consent.completed"] });
    expect(res.status).toBe(400);
    expect(res.json<ApiErrorBody>().error.fields?.url).toMatch(/Enter the URL/);
  });
});
