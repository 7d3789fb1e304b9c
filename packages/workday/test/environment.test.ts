import { describe, expect, it } from "vitest";
import { guessEnvironment } from "../src/environment";

describe("guessEnvironment", () => {
  it.each([
    "impl.workday.com",
    "wd2-impl-services1.workday.com",
    "wd3-services1-impl.workday.com",
    "wd1-services2-impl.myworkday.com",
    "https://wd2-impl-services1.workday.com/ccx/oauth2/acme/token",
    "wd2-impl-services1.workday.com:443",
  ])("when a host is %s, then sandbox/implementation and the reason names the host", (host) => {
    const r = guessEnvironment({ hosts: ["services1.myworkday.com", host], tenant: "acme" });
    expect(r.environment).toBe("sandbox");
    expect(r.reason).toMatch(/sandbox\/implementation/);
    expect(r.reason).toMatch(/contains "impl"/);
  });

  it.each(["acme_impl", "acme_impl1", "ACME_IMPL2", "acme_sandbox", "acme_sandbox3", "acme_preview"])(
    "when the tenant is %s on production-looking hosts, then sandbox and the reason names the ending",
    (tenant) => {
      const r = guessEnvironment({ hosts: ["services1.myworkday.com"], tenant });
      expect(r.environment).toBe("sandbox");
      expect(r.reason).toContain(tenant);
    },
  );

  it("when hosts are on myworkday.com and the tenant is plain, then production because of myworkday.com", () => {
    const r = guessEnvironment({ hosts: ["www.myworkday.com", "services1.myworkday.com"], tenant: "acme" });
    expect(r).toEqual({ environment: "production", reason: expect.stringMatching(/myworkday\.com/) as unknown });
  });

  it("when nothing points to a sandbox, then production and the reason says it can be changed", () => {
    const r = guessEnvironment({ hosts: ["wd5-services1.workday.com"], tenant: null });
    expect(r.environment).toBe("production");
    expect(r.reason).toMatch(/Change it if this is a sandbox/);
  });

  it("when a host merely contains the letters impl inside a word, then it does not count", () => {
    expect(guessEnvironment({ hosts: ["simplecorp.workday.com"], tenant: "implementers" }).environment).toBe("production");
  });

  it("when no hosts are given, then the tenant alone decides", () => {
    expect(guessEnvironment({ hosts: [], tenant: "acme_preview" }).environment).toBe("sandbox");
    expect(guessEnvironment({ hosts: [], tenant: null }).environment).toBe("production");
  });
});
