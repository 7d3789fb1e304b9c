import { describe, expect, it } from "vitest";
import { parseEnv } from "../src/config/env";
import { createSimulator, startSimulator } from "../src/index";

describe("env", () => {
  it("when nothing is set, then port 4000 and no activity overrides", () => {
    expect(parseEnv({})).toEqual({ ok: true, env: { WORKDAY_SIM_PORT: 4000 } });
  });

  it("when every variable is set, then they are parsed as numbers", () => {
    expect(parseEnv({ WORKDAY_SIM_PORT: "4100", WORKDAY_SIM_EVENTS: "1000000", WORKDAY_SIM_DAYS: "30", WORKDAY_SIM_SEED: "42" })).toEqual({
      ok: true,
      env: { WORKDAY_SIM_PORT: 4100, WORKDAY_SIM_EVENTS: 1_000_000, WORKDAY_SIM_DAYS: 30, WORKDAY_SIM_SEED: 42 },
    });
  });

  it("when values are invalid, then each problem is named", () => {
    const result = parseEnv({ WORKDAY_SIM_PORT: "70000", WORKDAY_SIM_EVENTS: "lots", WORKDAY_SIM_DAYS: "0" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(3);
    expect(result.problems.join("\n")).toMatch(/WORKDAY_SIM_PORT.*65535/);
    expect(result.problems.join("\n")).toContain("WORKDAY_SIM_EVENTS must be a whole number");
  });
});

describe("createSimulator / startSimulator", () => {
  it("when created without options, then three tenants, default options and no clients", () => {
    const sim = createSimulator();
    expect([...sim.state.tenants.keys()]).toEqual(["acme", "acme_sandbox", "globex_impl"]);
    expect(sim.state.options).toMatchObject({
      accessTokenTtlSeconds: 3600,
      authCodeTtlSeconds: 120,
      refreshTokenTtlSeconds: 604_800,
      rotateRefreshTokens: false,
      offsetCeiling: 10_000,
      activityLoggingOffBehavior: "empty",
      seedTenants: true,
    });
    expect(sim.state.tenants.get("acme")?.activity.spec).toMatchObject({ events: 2000, days: 8 });
    expect(sim.state.tenants.get("acme")?.clients.size).toBe(0);
  });

  it("when seedTenants is false, then there are no tenants; reset keeps it that way", () => {
    const sim = createSimulator({ seedTenants: false });
    expect(sim.state.tenants.size).toBe(0);
    sim.reset();
    expect(sim.state.tenants.size).toBe(0);
  });

  it("when the sandbox and production share a company, then they share people (a sandbox is a copy)", () => {
    const sim = createSimulator({ seed: 5 });
    const names = (t: string) => sim.state.tenants.get(t)?.activity.directory.people.map((p) => p.fullName);
    expect(names("acme_sandbox")).toEqual(names("acme"));
    expect(names("globex_impl")).not.toEqual(names("acme"));
  });

  it("when started on port 0 without base URLs, then the UI base is localhost and the services base 127.0.0.1 on the real port", async () => {
    const running = await startSimulator({ port: 0 });
    try {
      expect(running.port).toBeGreaterThan(0);
      expect(running.url).toBe(`http://localhost:${running.port}`);
      expect(running.sim.state.options.uiBaseUrl).toBe(`http://localhost:${running.port}`);
      expect(running.sim.state.options.servicesBaseUrl).toBe(`http://127.0.0.1:${running.port}`);
      running.sim.reset();
      expect(running.sim.state.endpoints("acme").tokenEndpoint).toBe(`http://127.0.0.1:${running.port}/ccx/oauth2/acme/token`);
      const res = await fetch(`http://127.0.0.1:${running.port}/_sim/api/tenants`, { headers: { host: "impl.workday.com" } });
      expect(res.status).toBe(200);
    } finally {
      await running.close();
    }
  });

  it("when base URLs are given, then they are used verbatim in the endpoints", async () => {
    const running = await startSimulator({
      port: 0,
      host: "127.0.0.1",
      uiBaseUrl: "https://impl.workday.test",
      servicesBaseUrl: "https://wd2-impl-services1.workday.test",
    });
    try {
      expect(running.sim.state.endpoints("acme")).toEqual({
        authorizationEndpoint: "https://impl.workday.test/acme/authorize",
        tokenEndpoint: "https://wd2-impl-services1.workday.test/ccx/oauth2/acme/token",
        restApiEndpoint: "https://wd2-impl-services1.workday.test/ccx/api/v1/acme",
      });
    } finally {
      await running.close();
    }
  });
});

describe("options", () => {
  it.each([
    [{ activity: { events: -1, days: 8 } }, "activity.events"],
    [{ activity: { events: 10, days: 0 } }, "activity.days"],
    [{ activity: { events: 10, days: 1, end: "yesterday" } }, "activity.end"],
    [{ seed: 1.5 }, "seed"],
  ])("when createSimulator gets %j, then it throws naming %s", (options, name) => {
    expect(() => createSimulator(options)).toThrow(name);
  });

  it("when activity.end is given, then the generated window ends there", () => {
    const sim = createSimulator({ activity: { events: 10, days: 1, end: "2024-01-02T00:00:00Z" } });
    expect(sim.state.tenants.get("acme")?.activity.spec).toMatchObject({ events: 10, days: 1, endMs: Date.parse("2024-01-02T00:00:00Z") });
  });
});
