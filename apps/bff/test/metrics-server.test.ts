import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { generateKey } from "../src/platform/crypto/crypto";
import { freePort, startReplica } from "./replica-process";

const TOKEN = "server-metrics-token-0123456789abcdef0123456789";

it("when server.ts starts with METRICS_PORT and METRICS_TOKEN, then both serve /metrics, the token is never logged, and SIGTERM closes the metrics port too", async () => {
  const metricsPort = await freePort();
  const r = await startReplica({
    DATABASE_URL: "file::memory:",
    ENCRYPTION_KEY: generateKey().toString("base64"),
    HEALTH_SCHEDULER_TICK_SECONDS: "0",
    ACTIVITY_SCHEDULER_TICK_SECONDS: "0",
    METRICS_PORT: String(metricsPort),
    METRICS_TOKEN: TOKEN,
  });
  try {
    const own = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(own.status).toBe(200);
    const names = parsePrometheusTextFormat(await own.text()).map((f) => f.name);
    expect(names).toContain("workday_connect_connectors");
    expect(names).toContain("workday_connect_process_cpu_user_seconds_total");
    expect((await fetch(`${r.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${r.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
  } finally {
    r.kill("SIGTERM");
  }
  expect(await r.exited).toBe(0);
  const logs = r.logs.join("");
  expect(logs).toContain(`metrics listening on http://127.0.0.1:${metricsPort}/metrics`);
  expect(logs).not.toContain(TOKEN);
  const refused = await fetch(`http://127.0.0.1:${metricsPort}/metrics`).then(
    () => "answered",
    (e: unknown) => (e as { cause?: { code?: string } }).cause?.code,
  );
  expect(refused).toBe("ECONNREFUSED");
}, 60_000);

it("when METRICS_PORT is taken, then server.ts refuses to start with a message naming the address", async () => {
  const taken = createServer();
  await new Promise<void>((r) => taken.listen(0, "127.0.0.1", r));
  const port = (taken.address() as { port: number }).port;
  try {
    const child = spawn(process.execPath, ["--import", "tsx", "src/server.ts"], {
      cwd: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
      env: {
        PATH: process.env.PATH ?? "",
        NODE_ENV: "test",
        LOG_LEVEL: "info",
        PORT: "0",
        DATABASE_URL: "file::memory:",
        ENCRYPTION_KEY: generateKey().toString("base64"),
        METRICS_PORT: String(port),
        METRICS_TOKEN: TOKEN,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: string[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b.toString()));
    child.stderr.on("data", (b: Buffer) => out.push(b.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    const code = await new Promise<number | string>((r) => child.on("exit", (c, sig) => r(c ?? sig ?? "unknown")));
    clearTimeout(killer);
    expect(code).toBe(1);
    expect(out.join("")).toContain(`cannot listen for metrics on 127.0.0.1:${port}`);
    expect(out.join("")).not.toContain(TOKEN);
  } finally {
    await new Promise<void>((r) => taken.close(() => r()));
  }
}, 60_000);
