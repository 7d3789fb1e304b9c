import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** A stand-in replica: answers with its name and what it received. */
const UPSTREAM = `
const http = require("node:http");
const [name, port] = process.argv.slice(1);
http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ name, method: req.method, body: Buffer.concat(chunks).toString(), xff: req.headers["x-forwarded-for"] ?? null }));
  });
}).listen(Number(port), "127.0.0.1", function () { console.log("listening on " + this.address().port); });
`;

interface Child {
  process: ChildProcess;
  port: number;
  exited: Promise<unknown>;
}

const children: ChildProcess[] = [];

/** Starts a process and resolves once it prints the port it listens on. */
function startChild(args: string[], portLine: RegExp): Promise<Child> {
  const child = spawn(process.execPath, args, { cwd: BFF_DIR, env: { PATH: process.env.PATH ?? "" }, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const exited = new Promise((r) => child.on("exit", r));
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no port line from ${args.join(" ")}:\n${output}`)), 30_000);
    const onData = (b: Buffer) => {
      output += b.toString();
      const m = portLine.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ process: child, port: Number(m[1]), exited });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (b: Buffer) => (output += b.toString()));
  });
}

const startUpstream = (name: string, port = 0) => startChild(["-e", UPSTREAM, name, String(port)], /listening on (\d+)/);
const startProxy = (ports: number[]) =>
  startChild(["--import", "tsx", "src/cli/round-robin-proxy.ts", "0", ...ports.map((p) => `http://127.0.0.1:${p}`)], /round-robin proxy on :(\d+)/);

interface Echo {
  name: string;
  method: string;
  body: string;
  xff: string | null;
}

let a: Child;
let b: Child;
let proxy: Child;
let base: string;
beforeAll(async () => {
  [a, b] = await Promise.all([startUpstream("a"), startUpstream("b")]);
  proxy = await startProxy([a.port, b.port]);
  base = `http://127.0.0.1:${proxy.port}`;
}, 60_000);
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
});

async function call(i: number): Promise<{ status: number; echo: Echo | null; sent: string }> {
  // Every third request is a POST whose body is large enough to arrive in several chunks.
  const post = i % 3 === 0;
  const sent = post ? JSON.stringify({ i, pad: "x".repeat(200_000) }) : "";
  const res = await fetch(`${base}/api/thing/${i}`, post ? { method: "POST", headers: { "content-type": "application/json" }, body: sent } : {});
  const text = await res.text();
  return { status: res.status, echo: res.status === 200 ? (JSON.parse(text) as Echo) : null, sent };
}

describe("round-robin proxy", () => {
  it("when both replicas are up, then requests alternate between them and each carries X-Forwarded-For", async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => call(i + 1)));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const names = answers.map((r) => r.echo?.name);
    expect(names.filter((n) => n === "a")).toHaveLength(5);
    expect(names.filter((n) => n === "b")).toHaveLength(5);
    expect(answers.every((r) => r.echo?.xff === "127.0.0.1" || r.echo?.xff === "::ffff:127.0.0.1")).toBe(true);
  });

  it("when one replica is killed, then every one of 60 requests, POSTs with bodies included, is answered by the survivor and none gets a 502", async () => {
    b.process.kill("SIGKILL");
    await b.exited;
    // Sequential and concurrent alike: the round-robin turn lands on the dead replica every other time.
    const sequential = [];
    for (let i = 0; i < 30; i++) sequential.push(await call(i));
    const concurrent = await Promise.all(Array.from({ length: 30 }, (_, i) => call(100 + i)));
    for (const r of [...sequential, ...concurrent]) {
      expect(r.status).toBe(200);
      expect(r.echo?.name).toBe("a");
      expect(r.echo?.body).toBe(r.sent);
    }
    expect(sequential.concat(concurrent).filter((r) => r.echo?.method === "POST").length).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it("when the killed replica comes back on its port, then it is probed again and gets requests without any failing", async () => {
    b = await startUpstream("b", b.port);
    const seen = new Set<string>();
    const deadline = Date.now() + 20_000;
    while (!seen.has("b") && Date.now() < deadline) {
      const r = await call(1);
      expect(r.status).toBe(200);
      seen.add(r.echo?.name ?? "");
      await new Promise((res) => setTimeout(res, 100));
    }
    expect(seen).toEqual(new Set(["a", "b"]));
  }, 30_000);

  it("when a body is over 1 MB, then the proxy answers 413 without forwarding it", async () => {
    const res = await fetch(`${base}/api/big`, { method: "POST", body: "x".repeat(1024 * 1024 + 1) });
    expect(res.status).toBe(413);
    expect(await res.text()).toMatch(/over 1048576 bytes/);
  });

  it("when every replica is down, then the answer is 502 saying no replica answered", async () => {
    a.process.kill("SIGKILL");
    b.process.kill("SIGKILL");
    await Promise.all([a.exited, b.exited]);
    const res = await fetch(`${base}/api/thing`);
    expect(res.status).toBe(502);
    expect(await res.text()).toContain("No console replica answered.");
  }, 30_000);
});
