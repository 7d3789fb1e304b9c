import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const BFF_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export interface Replica {
  url: string;
  port: number;
  logs: string[];
  child: ChildProcess;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
  kill(signal: NodeJS.Signals): void;
}

/** How the console is started: from source under tsx, or (`["dist/server.mjs"]`) as built for production. */
const FROM_SOURCE = ["--import", "tsx", "src/server.ts"];

/** A real console process (`tsx src/server.ts`), as a replica behind a load balancer would run it. */
export async function startReplica(env: Record<string, string>, nodeArgs: string[] = FROM_SOURCE): Promise<Replica> {
  const port = await freePort();
  const logs: string[] = [];
  const child = spawn(process.execPath, nodeArgs, {
    cwd: BFF_DIR,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "info", PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (b: Buffer) => logs.push(b.toString()));
  child.stderr.on("data", (b: Buffer) => logs.push(b.toString()));
  const exited = new Promise<number | string>((r) => child.on("exit", (code, signal) => r(code ?? signal ?? "unknown")));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`replica did not start:\n${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, logs, child, exited, kill: (s) => child.kill(s) };
}
