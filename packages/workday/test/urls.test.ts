import { describe, expect, it } from "vitest";
import { activityLoggingUrl, workersUrl } from "../src/rest-urls";
import { redirectUriFor } from "../src/redirect-uri";

describe("activityLoggingUrl and workersUrl", () => {
  it.each([
    ["https://wd2-impl-services1.workday.com/ccx/api/v1/acme", "https://wd2-impl-services1.workday.com"],
    ["https://wd2-impl-services1.workday.com/ccx/api/v1/acme/", "https://wd2-impl-services1.workday.com"],
    ["  https://services1.myworkday.com/ccx/api/v1/acme  ", "https://services1.myworkday.com"],
    ["https://wd2-impl-services1.workday.com/ccx/api/privacy/v1/acme", "https://wd2-impl-services1.workday.com"],
    ["http://127.0.0.1:4010/ccx/api/v1/acme", "http://127.0.0.1:4010"],
  ])("when the REST API Endpoint is %s, then both URLs keep its origin and tenant", (rest, origin) => {
    expect(activityLoggingUrl(rest)).toBe(`${origin}/ccx/api/privacy/v1/acme/activityLogging`);
    expect(workersUrl(rest)).toBe(`${origin}/ccx/api/v1/acme/workers`);
  });

  it("when the tenant has URL-encoded characters, then they are kept as written", () => {
    expect(workersUrl("https://sim.test/ccx/api/v1/acme%20x")).toBe("https://sim.test/ccx/api/v1/acme%20x/workers");
  });

  it("when the endpoint has no /ccx/api/v1/{tenant}, then it throws a readable error", () => {
    expect(() => activityLoggingUrl("https://services1.myworkday.com/other")).toThrow(/does not end in \/ccx\/api\/v1\/\{tenant\}/);
    expect(() => workersUrl("nonsense")).toThrow(/Not a URL/);
  });
});

describe("redirectUriFor", () => {
  it.each([
    ["https://console.example", "https://console.example/api/oauth/connect/c1"],
    ["https://console.example/", "https://console.example/api/oauth/connect/c1"],
    ["https://console.example/base//", "https://console.example/base/api/oauth/connect/c1"],
    ["http://localhost:5173", "http://localhost:5173/api/oauth/connect/c1"],
  ])("when the public URL is %s, then the redirect URI is %s", (publicUrl, expected) => {
    expect(redirectUriFor(publicUrl, "c1")).toBe(expected);
  });

  it("when two connectors are given, then each gets its own redirect URI", () => {
    expect(redirectUriFor("https://c.example", "a")).not.toBe(redirectUriFor("https://c.example", "b"));
  });

  it("when the connector id has reserved characters, then they are encoded", () => {
    expect(redirectUriFor("https://c.example", "a/b?c")).toBe("https://c.example/api/oauth/connect/a%2Fb%3Fc");
  });
});
