import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { createServer } from "node:net";

export const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A TypeScript entry run by node with the tsx loader directly, so the pid is the program's own. */
export function runTs(script: string, cwd: string, env: Record<string, string>): ChildProcess & { output: () => string } {
  return runNode(["--import", "tsx", script], cwd, env);
}

/** node with these arguments (a built .mjs, or a loader and an entry), its last 50 kB of output kept. */
export function runNode(args: string[], cwd: string, env: Record<string, string>): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, args, { cwd, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-50_000));
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  return Object.assign(child, { output: () => out });
}

export async function waitForUrl(url: string, child: ChildProcess & { output: () => string }, seconds = 60) {
  for (let i = 0; i < seconds * 10; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited:\n${child.output()}`);
    if (
      await fetch(url, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await sleep(100);
  }
  throw new Error(`${url} did not come up:\n${child.output()}`);
}

/** Runs a child to its end and returns the JSON it printed last. */
export async function resultOf<T>(child: ChildProcess & { output: () => string }): Promise<T> {
  const code = await new Promise<number | null>((r) => child.once("exit", r));
  const last = child.output().trim().split("\n").at(-1) ?? "";
  if (code !== 0) throw new Error(`child failed (${code}):\n${child.output()}`);
  return JSON.parse(last) as T;
}

export async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** Kilobytes from /proc/<pid>/status: VmRSS now, VmHWM the kernel's peak ("high water mark"). */
export function memoryOf(pid: number): { rssKb: number; peakKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
  return { rssKb: kb("VmRSS"), peakKb: kb("VmHWM") };
}

/**
 * CPU seconds (user + system, every thread) a process has used, from /proc/<pid>/stat. The
 * difference over a run says what the run cost whatever else shared the machine, which a
 * wall-clock time on a busy machine does not.
 */
export function cpuSecondsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may hold spaces, hence the last ")"): utime and stime are the 12th and 13th.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
/**
 * CPU seconds per thread name (/proc/<pid>/task/<tid>/comm), threads of one name summed: node's
 * main thread is MainThread, V8's helpers (mostly garbage collection) V8Worker, a worker thread its
 * `name` (the console's SQLite writer: sqlite-writer).
 */
export function threadCpuOf(pid: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const comm = readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim();
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(comm, (out.get(comm) ?? 0) + (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return out;
}
/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS = 100;

/** How the console is started: as production does (README, "Production") or from its sources. */
export type ConsoleStart = "compiled" | "tsx";

/** `--start=tsx` among a bench's arguments; the compiled console otherwise. */
export const consoleStartOf = (argv: readonly string[]): ConsoleStart => (argv.includes("--start=tsx") ? "tsx" : "compiled");

/** A bench's arguments without its `--` flags. */
export const positional = (argv: readonly string[]) => argv.filter((a) => !a.startsWith("--"));

/**
 * node's arguments for the console in apps/bff: the production start, `node
 * --max-semi-space-size=16 dist/server.mjs` (the bench's package script builds it first), or the
 * sources with tsx. The young-generation cap is left out when `nodeOptions` sets its own.
 */
export function consoleArgs(start: ConsoleStart, nodeOptions = ""): string[] {
  const semiSpace = nodeOptions.includes("--max-semi-space-size") ? [] : ["--max-semi-space-size=16"];
  return [...semiSpace, ...(start === "tsx" ? ["--import", "tsx", "src/server.ts"] : ["dist/server.mjs"])];
}

/**
 * A check to call on every progress read: it throws, with the process's output, once `progress`
 * has not changed for `stallMs`. A sync that stops moving (a page commit failing and retried, say)
 * then ends the bench saying why, instead of leaving it waiting with the reason in a log it never prints.
 */
export function stallWatch(child: { output: () => string }, what: string, stallMs = 120_000) {
  let last: string | undefined;
  let since = Date.now();
  return (progress: unknown) => {
    const now = JSON.stringify(progress);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since > stallMs) {
      throw new Error(`${what}: no progress for ${stallMs / 1000} s; its output:\n${child.output()}`);
    }
  };
}
