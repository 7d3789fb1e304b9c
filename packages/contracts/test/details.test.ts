import { parseHostAllowList } from "@wc/workday";
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
    const sim = { ...valid, restApiEndpoint: "http://localhost:4000/ccx/api/v1/acme", tokenEndpoint: "http://localhost:4000/ccx/oauth2/acme/token", authorizationEndpoint: "http://localhost:4000/acme/authorize" };
    expect(schema.safeParse(sim).success).toBe(true);
  });
});

describe("small request schemas", () => {
  it("when a name has outer and inner extra spaces, then it is normalised; an empty one is refused", () => {
    expect(connectorNameSchema.parse("  Acme   prod ")).toBe("Acme prod");
    expect(createConnectorRequestSchema.safeParse({ name: " " }).success).toBe(false);
  });

  it("when consent is started, then only popup or redirect is accepted", () => {
    expect(startConsentRequestSchema.safeParse({ mode: "popup" }).success).toBe(true);
    expect(startConsentRequestSchema.safeParse({ mode: "iframe" }).success).toBe(false);
  });

  it("when a connector id holds URL characters, then route builders encode it", () => {
    expect(routes.connector("a/b?c")).toBe("/api/connectors/a%2Fb%3Fc");
  });
});
