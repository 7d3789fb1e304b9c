import { describe, expect, it } from "vitest";
import { parseEndpoint, type EndpointParse } from "../src/endpoints";
import { parseHostAllowList } from "../src/host-allow-list";

const allow = parseHostAllowList(undefined);
const simAllow = parseHostAllowList("http://127.0.0.1:4010, sim.test");

function ok(r: EndpointParse): Extract<EndpointParse, { ok: true }> {
  if (!r.ok) throw new Error(`expected ok, got: ${r.error}`);
  return r;
}
function err(r: EndpointParse): string {
  if (r.ok) throw new Error("expected an error");
  return r.error;
}

describe("Workday's host patterns (docs/workday.md §1)", () => {
  it.each([
    ["token", "https://wd2-services1.workday.com/ccx/oauth2/acme/token", "wd2-services1.workday.com"],
    ["token", "https://wd1-services2-impl.workday.com/ccx/oauth2/acme/token", "wd1-services2-impl.workday.com"],
    ["token", "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token", "wd2-impl-services1.workday.com"],
    ["token", "https://wd3-services1.myworkday.com/ccx/oauth2/acme/token", "wd3-services1.myworkday.com"],
    ["token", "https://wd5-services1-impl.myworkday.com/ccx/oauth2/acme/token", "wd5-services1-impl.myworkday.com"],
    ["token", "https://services1.myworkday.com/ccx/oauth2/acme/token", "services1.myworkday.com"],
    ["authorization", "https://impl.workday.com/acme/authorize", "impl.workday.com"],
    ["authorization", "https://www.myworkday.com/acme/authorize", "www.myworkday.com"],
    ["rest", "https://wd3-impl-services1.workday.com/ccx/api/v1/acme", "wd3-impl-services1.workday.com"],
    ["rest", "https://services1.myworkday.com/ccx/api/v1/acme", "services1.myworkday.com"],
  ] as const)("when a %s endpoint is %s, then it parses with tenant acme and no warnings", (kind, url, host) => {
    expect(ok(parseEndpoint(url, kind, allow))).toEqual({ ok: true, url, host, tenant: "acme", warnings: [] });
  });

  it("when the URL is pasted with spaces and a line break around it, then it is trimmed", () => {
    const r = ok(parseEndpoint("  https://impl.workday.com/acme_impl/authorize\n", "authorization", allow));
    expect(r.url).toBe("https://impl.workday.com/acme_impl/authorize");
    expect(r.tenant).toBe("acme_impl");
  });

  it("when the host has capitals, then host is lowercased but url stays as pasted", () => {
    const r = ok(parseEndpoint("https://Impl.Workday.com/Acme/authorize", "authorization", allow));
    expect(r.host).toBe("impl.workday.com");
    expect(r.url).toBe("https://Impl.Workday.com/Acme/authorize");
    expect(r.tenant).toBe("Acme");
  });

  it("when fixed path segments have capitals, then the tenant is still found", () => {
    expect(ok(parseEndpoint("https://wd2-services1.workday.com/CCX/OAuth2/acme/Token", "token", allow)).tenant).toBe("acme");
  });
});

describe("REST API endpoint shapes", () => {
  it("when it has a trailing slash, then it is accepted without warning", () => {
    const r = ok(parseEndpoint("https://wd2-impl-services1.workday.com/ccx/api/v1/acme/", "rest", allow));
    expect(r.tenant).toBe("acme");
    expect(r.warnings).toEqual([]);
  });

  it("when it is /ccx/api/{service}/v{n}/{tenant}, then the tenant is read without warning", () => {
    const r = ok(parseEndpoint("https://wd2-impl-services1.workday.com/ccx/api/privacy/v1/acme", "rest", allow));
    expect(r.tenant).toBe("acme");
    expect(r.warnings).toEqual([]);
    expect(ok(parseEndpoint("https://services1.myworkday.com/ccx/api/staffing/v6/acme", "rest", allow)).tenant).toBe("acme");
  });

  it("when extra segments follow the tenant, then it is accepted with a warning and the tenant guessed", () => {
    const r = ok(parseEndpoint("https://services1.myworkday.com/ccx/api/v1/acme/workers", "rest", allow));
    expect(r.tenant).toBe("acme");
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/\/ccx\/api\/v1\/\{tenant\}/);
  });

  it("when it has a query string, then it is refused", () => {
    expect(err(parseEndpoint("https://services1.myworkday.com/ccx/api/v1/acme?x=1", "rest", allow))).toMatch(
      /Workday REST API Endpoint must not have a query string/,
    );
  });
});

describe("odd paths are warned about, not refused", () => {
  it("when an authorization path is not /{tenant}/authorize, then ok with tenant null and the usual shape in a warning", () => {
    const r = ok(parseEndpoint("https://impl.workday.com/login", "authorization", allow));
    expect(r.tenant).toBeNull();
    expect(r.warnings[0]).toMatch(/Authorization Endpoint.*https:\/\/\{host\}\/\{tenant\}\/authorize/);
  });

  it("when authorize is nested deeper, then the segment before it is the best guess", () => {
    const r = ok(parseEndpoint("https://impl.workday.com/x/acme/authorize", "authorization", allow));
    expect(r.tenant).toBe("acme");
    expect(r.warnings[0]).toMatch(/read as "acme"/);
  });

  it("when a token path is not /ccx/oauth2/{tenant}/token, then ok with a warning naming that shape", () => {
    const r = ok(parseEndpoint("https://wd2-services1.workday.com/oauth/token", "token", allow));
    expect(r.tenant).toBeNull();
    expect(r.warnings[0]).toMatch(/\/ccx\/oauth2\/\{tenant\}\/token/);
  });

  it("when a REST path has no /ccx/api, then ok with tenant null and a warning", () => {
    const r = ok(parseEndpoint("https://wd2-services1.workday.com/", "rest", allow));
    expect(r.tenant).toBeNull();
    expect(r.warnings).toHaveLength(1);
  });

  it("when the Token Endpoint is pasted into the Authorization field, then a warning says so and the tenant is still read", () => {
    const r = ok(parseEndpoint("https://wd2-services1.workday.com/ccx/oauth2/acme/token", "authorization", allow));
    expect(r.tenant).toBe("acme");
    expect(r.warnings[0]).toMatch(/looks like the Token Endpoint, not the Authorization Endpoint/);
  });

  it("when the Authorization Endpoint is pasted into the Token field, then a warning says so", () => {
    const r = ok(parseEndpoint("https://impl.workday.com/acme/authorize", "token", allow));
    expect(r.warnings[0]).toMatch(/looks like the Authorization Endpoint, not the Token Endpoint/);
  });
});

describe("query strings", () => {
  it("when the Authorization Endpoint carries redirect=n, then the query is kept", () => {
    const url = "https://impl.workday.com/acme/authorize?redirect=n";
    const r = ok(parseEndpoint(url, "authorization", allow));
    expect(r.url).toBe(url);
    expect(r.warnings).toEqual([]);
  });

  it("when the Authorization Endpoint carries client_id and state, then it is refused naming both and how to paste it", () => {
    const message = err(parseEndpoint("https://impl.workday.com/acme/authorize?client_id=x&redirect=n&state=y", "authorization", allow));
    expect(message).toMatch(/^Authorization Endpoint must not carry the parameters client_id, state: /);
    expect(message).toMatch(/exactly as Workday's View API Clients page shows it, without them/);
  });

  it.each([
    "state",
    "client_id",
    "redirect_uri",
    "response_type",
    "response_mode",
    "code_challenge",
    "code_challenge_method",
    "scope",
    "nonce",
    "prompt",
    "request",
    "request_uri",
  ])("when the Authorization Endpoint carries %s, then it is refused naming that parameter", (param) => {
    expect(err(parseEndpoint(`https://impl.workday.com/acme/authorize?redirect=n&${param}=x`, "authorization", allow))).toMatch(
      new RegExp(`^Authorization Endpoint must not carry the parameter ${param}: `),
    );
  });

  it("when a refused parameter's name is percent-encoded or has no value, then it is still refused", () => {
    expect(err(parseEndpoint("https://impl.workday.com/acme/authorize?st%61te=x", "authorization", allow))).toMatch(/parameter state:/);
    expect(err(parseEndpoint("https://impl.workday.com/acme/authorize?scope", "authorization", allow))).toMatch(/parameter scope:/);
  });

  it("when the Authorization Endpoint carries harmless parameters, then they are kept as pasted without warning", () => {
    const url = "https://impl.workday.com/acme/authorize?redirect=n&lang=en_US&states=1&my_client_id=2";
    expect(ok(parseEndpoint(url, "authorization", allow))).toMatchObject({ url, warnings: [] });
  });

  it.each(["https://wd2-services1.workday.com/ccx/oauth2/acme/token?x=1", "https://wd2-services1.workday.com/ccx/oauth2/acme/token?"])(
    "when the Token Endpoint is %s, then it is refused for its query",
    (url) => {
      expect(err(parseEndpoint(url, "token", allow))).toMatch(/^Token Endpoint must not have a query string/);
    },
  );
});

describe("refusals say what to fix", () => {
  it.each([
    ["", /^Token Endpoint is empty/],
    ["   ", /^Token Endpoint is empty/],
    ["not a url", /^Token Endpoint contains spaces/],
    ["wd2-services1.workday.com/ccx/oauth2/acme/token", /^Token Endpoint is missing https:\/\//],
    ["/ccx/oauth2/acme/token", /^Token Endpoint must be an absolute URL starting with https:\/\/, as shown on Workday's View API Clients page/],
    ["https://", /absolute URL/],
    ["ftp://wd2-services1.workday.com/ccx/oauth2/acme/token", /absolute URL starting with https:\/\//],
    ["javascript://wd2-services1.workday.com/x", /absolute URL starting with https:\/\//],
    ["http://wd2-services1.workday.com/ccx/oauth2/acme/token", /^Token Endpoint must start with https:\/\//],
    ["https://user:pass@wd2-services1.workday.com/ccx/oauth2/acme/token", /user name or password/],
    ["https://user@wd2-services1.workday.com/ccx/oauth2/acme/token", /user name or password/],
    ["https://@wd2-services1.workday.com/ccx/oauth2/acme/token", /user name or password/],
    ["https://wd2-services1.workday.com/ccx/oauth2/acme/token#x", /# fragment/],
    ["https://wd2-services1.workday.com/ccx/oauth2/acme/token#", /# fragment/],
    ["https://evil.example/ccx/oauth2/acme/token", /host "evil.example" is not a Workday host.*ALLOWED_WORKDAY_HOSTS/],
    ["https://127.0.0.1/ccx/oauth2/acme/token", /ALLOWED_WORKDAY_HOSTS/],
    ["https://wd2-services1.workday.com/ccx/oauth2/ac\nme/token", /spaces or line breaks/],
  ])("when the Token Endpoint is %j, then it is refused", (raw, message) => {
    expect(err(parseEndpoint(raw, "token", allow))).toMatch(message);
  });

  it("when the Authorization Endpoint has a fragment, then the message names that field", () => {
    expect(err(parseEndpoint("https://impl.workday.com/acme/authorize#top", "authorization", allow))).toMatch(
      /^Authorization Endpoint must not contain a # fragment/,
    );
  });
});

describe("hidden characters", () => {
  it.each([
    ["a zero-width space in the host", "https://impl.workday\u200B.com/acme/authorize", /invisible character U\+200B \(zero-width space\) at position 21:/],
    ["a NUL in the path", "https://impl.workday.com/ac\u0000me/authorize", /control character U\+0000 \(NUL\) at position 28:/],
    ["a C1 control", "https://impl.workday.com/acme/authorize\u0085", /control character U\+0085 \(next line\) at position 40:/],
    [
      "a right-to-left override",
      "https://impl.workday.com/\u202Eacme/authorize",
      /text-direction character U\+202E \(right-to-left override\) at position 26:/,
    ],
    ["a word joiner", "https://impl.workday.com/acme\u2060/authorize", /invisible character U\+2060 \(word joiner\)/],
    ["a lone surrogate", "https://impl.workday.com/acme\uD800/authorize", /broken character .*U\+D800 at position 30:/],
  ])("when an endpoint holds %s, then it is refused naming the character and where it is", (_label, raw, message) => {
    const error = err(parseEndpoint(raw, "authorization", allow));
    expect(error).toMatch(/^Authorization Endpoint contains /);
    expect(error).toMatch(message);
  });

  it("when an endpoint is pasted with leading spaces, then the position counts them, as the field shows them", () => {
    expect(err(parseEndpoint("  https://impl.workday.com/acme\u200B/authorize", "authorization", allow))).toMatch(/at position 32:/);
  });

  it("when a byte order mark surrounds the URL, then it is trimmed like other white space", () => {
    expect(ok(parseEndpoint("\uFEFFhttps://impl.workday.com/acme/authorize\uFEFF", "authorization", allow)).url).toBe(
      "https://impl.workday.com/acme/authorize",
    );
  });
});

describe("plain http", () => {
  it("when the host is allowed for http, then http is accepted", () => {
    const r = ok(parseEndpoint("http://127.0.0.1:4010/ccx/oauth2/acme/token", "token", simAllow));
    expect(r.host).toBe("127.0.0.1:4010");
    expect(r.tenant).toBe("acme");
  });

  it("when the host is allowed only for https, then http is refused", () => {
    expect(err(parseEndpoint("http://sim.test/ccx/oauth2/acme/token", "token", simAllow))).toMatch(/must start with https:\/\//);
  });

  it("when the http host is not on the list at all, then the allow-list message is shown", () => {
    expect(err(parseEndpoint("http://127.0.0.1:9999/ccx/oauth2/acme/token", "token", simAllow))).toMatch(/ALLOWED_WORKDAY_HOSTS/);
  });
});
