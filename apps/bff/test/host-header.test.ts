import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_HEADER, CSRF_HEADER_VALUE, routes, startConsentResponseSchema } from "@wc/contracts";
import { preparedConnector, startStack } from "./sim-fixture";

let stack: Awaited<ReturnType<typeof startStack>>;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack.close();
});

/** fetch() cannot forge Host; node:http can, as an attacker's client or a misconfigured proxy would. */
function rawPost(url: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": Buffer.byteLength(body).toString() } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("redirect URI comes from PUBLIC_URL only", () => {
  it("when consent starts with a forged Host and X-Forwarded-* headers, then the redirect_uri is still PUBLIC_URL's", async () => {
    const { bff, sim } = stack;
    const { connector } = await preparedConnector(bff, sim);
    const res = await rawPost(
      `${bff.url}${routes.connectorConsent(connector.id)}`,
      {
        host: "evil.example",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
        "x-forwarded-for": "203.0.113.9",
        cookie: bff.client.cookieHeader(),
        "content-type": "application/json",
        [CSRF_HEADER]: CSRF_HEADER_VALUE,
      },
      JSON.stringify({ mode: "popup" }),
    );
    expect(res.status).toBe(200);
    const auth = new URL(startConsentResponseSchema.parse(JSON.parse(res.body)).authorizationUrl);
    expect(auth.searchParams.get("redirect_uri")).toBe(`${bff.url}/api/oauth/connect/${connector.id}`);
    expect(auth.href).not.toContain("evil.example");
    // The audit trail records the socket's address, not a header anyone can set.
    const audit = await bff.store.listAudit({ action: "connector.consent_started", limit: 1 });
    expect(audit[0]?.ip).not.toBe("203.0.113.9");
  });
});
