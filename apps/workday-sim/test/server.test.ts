import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, expect, it } from "vitest";

/** Runs src/server.ts as `pnpm start` would, with the given environment. */
function runServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
    cwd: new URL("..", import.meta.url),
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return { child, output: () => out };
}

async function waitFor(predicate: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("src/server.ts", () => {
  it("when started, then it prints the URLs and sign-in accounts, serves, and exits 0 on SIGTERM", async () => {
    const { child, output } = runServer({ WORKDAY_SIM_PORT: "0", WORKDAY_SIM_EVENTS: "500", WORKDAY_SIM_DAYS: "2", WORKDAY_SIM_SEED: "9" });
    try {
      await waitFor(() => output().includes("sign in as"));
      const services = /control API\s+(http:\/\/127\.0\.0\.1:\d+)\/_sim\/api\//.exec(output())?.[1];
      expect(output()).toContain("isu_wdconnect / Workday-isu-1");
      const tenants = (await (await fetch(`${services}/_sim/api/tenants/acme`)).json()) as { activity: { events: number; days: number } };
      expect(tenants.activity).toMatchObject({ events: 500, days: 2 });
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  }, 30_000);

  it("when the environment is invalid, then it exits 1 naming each problem", async () => {
    const { child, output } = runServer({ WORKDAY_SIM_PORT: "abc", WORKDAY_SIM_DAYS: "-3" });
    const [code] = (await once(child, "exit")) as [number | null];
    expect(code).toBe(1);
    expect(output()).toContain("WORKDAY_SIM_PORT must be a whole number");
    expect(output()).toContain("WORKDAY_SIM_DAYS must be a positive number of days");
  }, 30_000);
});
