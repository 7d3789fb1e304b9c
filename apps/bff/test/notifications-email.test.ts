import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { channelCreatedResponseSchema, deliveryLogResponseSchema, routes } from "@wc/contracts";
import { connect, preparedConnector, startStack } from "./sim-fixture";

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server in the test process (the smtp-server package); recipients listed in `refuse` get 550. */
async function startSmtp(refuse: string[] = []) {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, cb) {
      if (refuse.includes(address.address)) return cb(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const from = session.envelope.mailFrom;
        mails.push({ from: from ? from.address : "", to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        cb();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let stack: Awaited<ReturnType<typeof startStack>>;

beforeAll(async () => {
  smtp = await startSmtp(["nobody@example.com"]);
  stack = await startStack({
    notify: {
      smtp: { url: smtp.url, from: "workday-connect@example.com" },
      delivery: { retryBaseMs: 10, retryMaxMs: 40, giveUpAfterMs: 3_600_000, random: () => 0.5 },
    },
  });
});
afterAll(async () => {
  await stack.close();
  await smtp.close();
});

async function emailChannel(recipients: string[], events = ["consent.completed"]) {
  const res = await stack.bff.client.post(routes.notificationChannels, { kind: "email", name: "Support inbox", recipients, events });
  expect(res.status, res.text).toBe(201);
  const body = channelCreatedResponseSchema.parse(res.json());
  expect(body.signingSecret).toBeNull();
  return body.channel;
}

describe("email channels", () => {
  it("when a connector is connected, then the SMTP server receives consent.completed as plain text and HTML with the connector's link", async () => {
    const channel = await emailChannel(["soc@example.com"]);
    const { connector } = await preparedConnector(stack.bff, stack.sim, "acme", { name: "Mailed connector" });
    await connect(stack.bff.client, connector.id);
    await stack.bff.app.background.runDeliveries();
    const mail = smtp.mails.at(-1);
    expect(mail?.from).toBe("workday-connect@example.com");
    expect(mail?.to).toEqual(["soc@example.com"]);
    expect(mail?.raw).toMatch(/Subject: Connected: Mailed connector \(acme\)/);
    expect(mail?.raw).toMatch(/Content-Type: text\/plain/);
    expect(mail?.raw).toMatch(/Content-Type: text\/html/);
    expect(mail?.raw).toContain(`${stack.bff.url}/connectors/${connector.id}`);
    const [a] = deliveryLogResponseSchema.parse((await stack.bff.client.get(routes.notificationChannelDeliveries(channel.id))).json()).attempts;
    expect(a).toMatchObject({ eventType: "consent.completed", outcome: "delivered", attempt: 1 });
    expect(a?.answer).toMatch(/^250/);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });

  it("when the SMTP server refuses the recipient for good (550), then the delivery gives up at once and the log shows the server's answer", async () => {
    const channel = await emailChannel(["nobody@example.com"]);
    await stack.bff.client.post(routes.notificationChannelTest(channel.id));
    await stack.bff.app.background.runDeliveries();
    const [a] = deliveryLogResponseSchema.parse((await stack.bff.client.get(routes.notificationChannelDeliveries(channel.id))).json()).attempts;
    expect(a).toMatchObject({ eventType: "notification.test", outcome: "gave_up", nextAttemptAt: null });
    expect(a?.answer).toMatch(/550/);
    await stack.bff.client.delete(routes.notificationChannel(channel.id));
  });
});
