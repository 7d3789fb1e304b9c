import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectorResponseSchema, routes } from "@wc/contracts";
import { startBff, type Harness } from "./harness";

/** Admin-entered Workday URLs are the SSRF surface: each must be refused before any request, with a message that says what to fix. */
let h: Harness;
const messages: string[] = [];
beforeAll(async () => {
  h = await startBff({ allowedWorkdayHosts: "" });
});
afterAll(async () => {
  await h.close();
});

const good = {
  clientId: "client-1",
  clientSecret: "secret-value-1234",
  restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme_impl",
  tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token",
  authorizationEndpoint: "https://impl.workday.com/acme_impl/authorize",
  samlSso: false,
};

const CASES: [string, string][] = [
  ["a private address", "https://10.0.0.7/ccx/oauth2/acme_impl/token"],
  ["the cloud metadata address", "https://169.254.169.254/ccx/oauth2/acme_impl/token"],
  ["loopback", "https://127.0.0.1:8443/ccx/oauth2/acme_impl/token"],
  ["an IPv6 loopback", "https://[::1]/ccx/oauth2/acme_impl/token"],
  ["a host outside the allow-list", "https://evil.example/ccx/oauth2/acme_impl/token"],
  ["a look-alike host", "https://wd2-impl-services1.workday.com.evil.example/ccx/oauth2/acme_impl/token"],
  ["userinfo before the real host", "https://wd2-impl-services1.workday.com@evil.example/ccx/oauth2/acme_impl/token"],
  ["credentials on a Workday host", "https://user:pass@wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token"],
  ["a backslash trick", "https://evil.example\\@wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token"],
  ["plain http", "http://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token"],
  ["the file scheme", "file:///etc/passwd"],
  ["the ftp scheme", "ftp://wd2-impl-services1.workday.com/ccx/oauth2/acme_impl/token"],
  ["a javascript URL", "javascript:alert(1)"],
  ["a gopher URL", "gopher://wd2-impl-services1.workday.com:70/_x"],
];

describe("SSRF guard on the Workday endpoints", () => {
  it.each(CASES)("when the token endpoint is %s, then 400 with a message on tokenEndpoint and nothing is saved", async (_what, url) => {
    const c = connectorResponseSchema.parse((await h.client.post(routes.connectors, { name: `SSRF ${Math.random()}` })).json()).connector;
    const res = await h.client.put(routes.connectorDetails(c.id), { ...good, tokenEndpoint: url });
    expect(res.status).toBe(400);
    const fields = res.json<{ error: { fields: Record<string, string> } }>().error.fields;
    expect(fields.tokenEndpoint).toMatch(/^Token Endpoint .{20,}/);
    messages.push(`${_what}: ${fields.tokenEndpoint}`);
    const after = connectorResponseSchema.parse((await h.client.get(routes.connector(c.id))).json()).connector;
    expect(after.tokenEndpoint).toBeNull();
  });
});

afterAll(() => {
  // One readable line per refusal, for docs/security.md and for whoever changes these messages.
  if (process.env.WC_PRINT_SSRF === "1") console.log(messages.join("\n"));
});
