import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startSimulator } from "@wc/workday-sim";
import { channelCreatedResponseSchema, connectorResponseSchema, deliveryLogResponseSchema, routes, startConsentResponseSchema } from "@wc/contracts";
import { generateKey } from "../src/platform/crypto/crypto";
import { Client } from "./harness";
import { startReplica, type Replica } from "./replica-process";
import { consentInWorkday, registerClient, type Sim } from "./sim-fixture";
import { startReceiver } from "./webhook-receiver";

const ADMIN = { email: "admin@example.com", password: "correct-horse-battery" };

describe("a console killed between a status change and its delivery", () => {
  let sim: Sim;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let dir: string;
  let env: Record<string, string>;
  const lives: Replica[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ port: 0, host: "127.0.0.1" });
    receiver = await startReceiver();
    dir = mkdtempSync(path.join(tmpdir(), "wc-notify-kill-"));
    env = {
      DATA_DIR: dir,
      ENCRYPTION_KEY: generateKey().toString("base64"),
      ALLOWED_WORKDAY_HOSTS: `http://localhost:${sim.port},http://127.0.0.1:${sim.port}`,
      NOTIFY_ALLOWED_HOSTS: receiver.allowEntry,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      HEALTH_SCHEDULER_TICK_SECONDS: "0",
      ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
    };
  }, 30_000);

  afterAll(async () => {
    for (const r of lives) if (r.child.exitCode === null) r.kill("SIGKILL");
    await Promise.all([sim.close(), receiver.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("when the console is SIGKILLed after a disconnect was recorded but before any delivery, then after restart the event is delivered once, with its own webhook-id", async () => {
    // First life: delivery off, so the event can only be in the outbox when the process dies.
    const first = await startReplica({ ...env, PUBLIC_URL: "http://console.example.test", NOTIFY_TICK_SECONDS: "0" });
    lives.push(first);
    const browser = new Client(first.url);
    expect((await browser.post(routes.signIn, ADMIN)).status).toBe(200);
    const created = channelCreatedResponseSchema.parse(
      (await browser.post(routes.notificationChannels, { kind: "webhook", name: "Kill test", url: receiver.url, events: ["connector.status_changed"] })).json(),
    );
    receiver.useSecret(created.signingSecret ?? "");
    const c = connectorResponseSchema.parse((await browser.post(routes.connectors, { name: "Killed mid-notify" })).json()).connector;
    const reg = await registerClient(sim, "acme", c.redirectUri);
    expect((await browser.put(routes.connectorDetails(c.id), { ...reg, samlSso: false })).status).toBe(200);
    const consent = startConsentResponseSchema.parse((await browser.post(routes.connectorConsent(c.id), { mode: "popup" })).json());
    const cb = new URL((await consentInWorkday(consent.authorizationUrl, { decision: "Allow" })).redirectedTo);
    expect((await browser.get(cb.pathname + cb.search)).status).toBe(303);
    expect((await browser.post(routes.connectorDisconnect(c.id))).status).toBe(200);
    first.kill("SIGKILL");
    await first.exited;
    expect(receiver.received).toHaveLength(0);

    // Second life on the same database, delivering every 50 ms.
    const second = await startReplica({ ...env, PUBLIC_URL: "http://console.example.test", NOTIFY_TICK_SECONDS: "0.05" });
    lives.push(second);
    const deadline = Date.now() + 15_000;
    while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // A few more rounds: nothing may arrive twice.
    await new Promise((r) => setTimeout(r, 500));
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0];
    expect(got).toMatchObject({ verified: true, status: 200 });
    expect(got?.payload).toMatchObject({ type: "connector.status_changed", data: { from: "connected", to: "disconnected", connector: { id: c.id } } });
    const again = new Client(second.url);
    expect((await again.post(routes.signIn, ADMIN)).status).toBe(200);
    const attempts = deliveryLogResponseSchema.parse((await again.get(routes.notificationChannelDeliveries(created.channel.id))).json()).attempts;
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ eventId: got?.id, outcome: "delivered", attempt: 1 });
    second.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 90_000);
});
