import { AUTHORIZE_REQUEST_PARAMS, parseHostAllowList } from "@wc/workday";
import { describe, expect, it } from "vitest";
import { connectorNameSchema, createConnectorRequestSchema, makeDetailsRequestSchema, routes, startConsentRequestSchema } from "../src";

const schema = makeDetailsRequestSchema(parseHostAllowList("http://localhost:4000"));
const valid = {
  clientId: " abc ",
  clientSecret: " s3cret ",
  restApiEndpoint: " https://wd2-impl-services1.workday.com/ccx/api/v1/acme ",
  tokenEndpoint: "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
  authorizationEndpoint: "https://impl.workday.com/acme/authorize",
};

const fieldErrors = (input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return Object.fromEntries(r.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("details request schema", () => {
  it("when valid details are pasted with spaces, then values are trimmed and defaults applied", () => {
    expect(schema.parse(valid)).toEqual({
      clientId: "abc",
      clientSecret: "s3cret",
      restApiEndpoint: "https://wd2-impl-services1.workday.com/ccx/api/v1/acme",
      tokenEndpoint: valid.tokenEndpoint,
      authorizationEndpoint: valid.authorizationEndpoint,
      samlSso: false,
      clientAuthMethod: "client_secret_basic",
      environmentOverride: null,
    });
  });

  it("when one endpoint names another tenant, then the error sits on that endpoint's field", () => {
    const errors = fieldErrors({ ...valid, authorizationEndpoint: "https://impl.workday.com/globex/authorize" });
    expect(Object.keys(errors)).toEqual(["authorizationEndpoint"]);
    expect(errors.authorizationEndpoint).toMatch(/globex|acme/);
  });

  it("when several fields are wrong, then each gets its own message", () => {
    const errors = fieldErrors({ ...valid, clientId: "", tokenEndpoint: "ftp://x", restApiEndpoint: "http://wd2-impl-services1.workday.com/ccx/api/v1/acme" });
    expect(Object.keys(errors).sort()).toEqual(["clientId", "restApiEndpoint", "tokenEndpoint"]);
  });

  it("when an unknown field is sent, then it is refused rather than silently stored", () => {
    expect(schema.safeParse({ ...valid, refreshToken: "x" }).success).toBe(false);
  });

  it("when the host is the explicitly allowed simulator over http, then it is accepted", () => {
    const sim = {
      ...valid,
      restApiEndpoint: "http://localhost:4000/ccx/api/v1/acme",
      tokenEndpoint: "http://localhost:4000/ccx/oauth2/acme/token",
      authorizationEndpoint: "http://localhost:4000/acme/authorize",
    };
    expect(schema.safeParse(sim).success).toBe(true);
  });
});

describe("details request schema: hidden characters", () => {
  const classes = [
    ["NUL", "\u0000", /control character U\+0000 \(NUL\)/],
    ["a C0 control (escape)", "\u001B", /control character U\+001B/],
    ["a tab inside", "\t", /control character U\+0009 \(tab\)/],
    ["a C1 control", "\u0090", /control character U\+0090/],
    ["a bidi override", "\u202E", /text-direction character U\+202E/],
    ["a bidi isolate", "\u2066", /text-direction character U\+2066/],
    ["a zero-width space", "\u200B", /invisible character U\+200B \(zero-width space\)/],
    ["a zero-width joiner", "\u200D", /invisible character U\+200D/],
    ["a word joiner", "\u2060", /invisible character U\+2060/],
    ["a byte order mark inside", "\uFEFF", /invisible character U\+FEFF/],
    ["a lone surrogate", "\uD83D", /broken character .*U\+D83D/],
  ] as const;

  it.each(classes)("when the Client ID holds %s, then the Client ID field names it and its position", (_label, ch, message) => {
    const errors = fieldErrors({ ...valid, clientId: ` abc${ch}def` });
    expect(Object.keys(errors)).toEqual(["clientId"]);
    expect(errors.clientId).toMatch(/^Client ID contains .* at position 5: remove it, or copy the value again from Workday's View API Clients page\.$/);
    expect(errors.clientId).toMatch(message);
  });

  it.each(classes)("when the Client Secret holds %s, then the Client Secret field names it without quoting the secret", (_label, ch, message) => {
    const errors = fieldErrors({ ...valid, clientSecret: `s3cr${ch}et-value` });
    expect(Object.keys(errors)).toEqual(["clientSecret"]);
    expect(errors.clientSecret).toMatch(message);
    expect(errors.clientSecret).not.toMatch(/s3cr|et-value/);
  });

  it.each(classes)("when an endpoint holds %s, then that endpoint's field names it", (_label, ch, message) => {
    const errors = fieldErrors({ ...valid, tokenEndpoint: `https://wd2-impl-services1.workday.com/ccx/oauth2/acme${ch}/token` });
    expect(Object.keys(errors)).toEqual(["tokenEndpoint"]);
    // A tab is "spaces or line breaks" in a URL, the plainer message it always had.
    expect(errors.tokenEndpoint).toMatch(ch === "\t" ? /spaces or line breaks/ : message);
  });

  it("when a secret has inner spaces and any printable characters, then it is kept as sent (only trimmed)", () => {
    const secret = "a b~!@#$%^&*()[]{}<>?/\\|'\"` é€";
    expect(schema.parse({ ...valid, clientSecret: `  ${secret}\n` }).clientSecret).toBe(secret);
  });
});

describe("details request schema: OAuth parameters on the Authorization Endpoint", () => {
  it.each(AUTHORIZE_REQUEST_PARAMS)("when it carries %s, then the Authorization Endpoint field refuses it by name", (param) => {
    const errors = fieldErrors({ ...valid, authorizationEndpoint: `${valid.authorizationEndpoint}?${param}=x` });
    expect(Object.keys(errors)).toEqual(["authorizationEndpoint"]);
    expect(errors.authorizationEndpoint).toMatch(new RegExp(`must not carry the parameter ${param}: .*exactly as Workday's View API Clients page shows it`));
  });

  it("when it carries harmless parameters such as redirect=n, then they are kept as pasted", () => {
    const url = `${valid.authorizationEndpoint}?redirect=n&lang=de`;
    expect(schema.parse({ ...valid, authorizationEndpoint: url }).authorizationEndpoint).toBe(url);
  });
});

describe("small request schemas", () => {
  it("when a name has outer and inner extra spaces, then it is normalised; an empty one is refused", () => {
    expect(connectorNameSchema.parse("  Acme   prod ")).toBe("Acme prod");
    expect(createConnectorRequestSchema.safeParse({ name: " " }).success).toBe(false);
  });

  it("when a name holds a zero-width space, then the name field names it and its position", () => {
    const r = createConnectorRequestSchema.safeParse({ name: "Acme\u200Bprod" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", "Name contains the invisible character U+200B (zero-width space) at position 5: remove it, or type the name instead of pasting it."],
    ]);
  });

  it("when consent is started, then only popup or redirect is accepted", () => {
    expect(startConsentRequestSchema.safeParse({ mode: "popup" }).success).toBe(true);
    expect(startConsentRequestSchema.safeParse({ mode: "iframe" }).success).toBe(false);
  });

  it("when a connector id holds URL characters, then route builders encode it", () => {
    expect(routes.connector("a/b?c")).toBe("/api/connectors/a%2Fb%3Fc");
  });
});
