import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/** scripts/lib/supervise.sh: the supervision loop of scripts/run-replicas. */
const LIB = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../scripts/lib/supervise.sh");

function runBash(script: string, onLine: (line: string, signal: (s: NodeJS.Signals) => void) => void = () => undefined) {
  const child = spawn("bash", ["-c", `exec 2>&1; set -euo pipefail; source "${LIB}"; ${script}`], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let partial = "";
  // Whole lines only: a chunk may end mid-line.
  const take = (b: Buffer) => {
    out += b.toString();
    const lines = (partial + b.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) if (line) onLine(line, (s) => child.kill(s));
  };
  child.stdout.on("data", take);
  child.stderr.on("data", take);
  return new Promise<{ code: number | null; out: string }>((resolve) => child.on("exit", (code) => resolve({ code, out })));
}

const alive = (pid: number) => {
  if (pid <= 1) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * SIGTERM, sent again every 100 ms until the process is gone: a process signalled between fork and
 * exec loses the signal (the subshell's inherited trap takes it), and here the death that triggers
 * the signal can be seen milliseconds after the process was started.
 */
function terminate(pid: number) {
  const again = setInterval(() => (alive(pid) ? process.kill(pid, "SIGTERM") : clearInterval(again)), 100);
  process.kill(pid, "SIGTERM");
}

/** Collects the `pid <name> <pid>` lines the scripts below print. */
function pidsFrom(pids: Map<string, number>, line: string) {
  const m = /^pid (\S+) (\d+)$/.exec(line);
  if (m?.[1] && m[2]) pids.set(m[1], Number(m[2]));
}
/** Never a non-positive pid: kill(-1) would signal every process the user owns. */
function pidOf(pids: Map<string, number>, name: string): number {
  const pid = pids.get(name);
  if (pid === undefined || pid <= 1) throw new Error(`no pid for ${name}`);
  return pid;
}

describe("run-replicas supervision", () => {
  it("when a replica is killed, then it is named and the other replica and the proxy keep running until the proxy ends", async () => {
    const pids = new Map<string, number>();
    const aliveAtDeath: string[] = [];
    const { code, out } = await runBash(
      `
      trap supervise_stop_all EXIT
      trap 'exit 130' INT TERM
      supervise_start "replica :3101" expendable sleep 60; echo "pid r1 $SUPERVISED_PID"
      supervise_start "replica :3102" expendable sleep 60; echo "pid r2 $SUPERVISED_PID"
      supervise_start "proxy" essential sleep 60; echo "pid proxy $SUPERVISED_PID"
      echo ready
      supervise_loop || { echo "loop-returned-$?"; exit 1; }
    `,
      (line) => {
        pidsFrom(pids, line);
        if (line === "ready") process.kill(pidOf(pids, "r1"), "SIGKILL");
        if (line.includes("replica :3101")) {
          for (const name of ["r2", "proxy"]) if (alive(pidOf(pids, name))) aliveAtDeath.push(name);
          terminate(pidOf(pids, "proxy"));
        }
      },
    );
    expect(out).toMatch(/replica :3101 \(pid \d+\) exited with status 137; the others keep serving/);
    expect(aliveAtDeath).toEqual(["r2", "proxy"]);
    expect(out).toMatch(/proxy \(pid \d+\) exited with status 143: stopping everything/);
    expect(out).toContain("loop-returned-1");
    expect(code).toBe(1);
    expect(alive(pidOf(pids, "r2"))).toBe(false);
  }, 30_000);

  it("when the last replica dies, then the loop says so and keeps waiting on the simulator", async () => {
    const pids = new Map<string, number>();
    let simAlive = false;
    const { out } = await runBash(
      `
      supervise_start "replica :3101" expendable sleep 60; echo "pid r1 $SUPERVISED_PID"
      supervise_start "simulator" essential sleep 60; echo "pid sim $SUPERVISED_PID"
      echo ready
      supervise_loop || echo "loop-returned-$?"
    `,
      (line) => {
        pidsFrom(pids, line);
        if (line === "ready") process.kill(pidOf(pids, "r1"), "SIGKILL");
        if (line.includes("no replica is left")) {
          simAlive = alive(pidOf(pids, "sim"));
          terminate(pidOf(pids, "sim"));
        }
      },
    );
    expect(simAlive).toBe(true);
    expect(out).toMatch(/simulator \(pid \d+\) exited with status 143: stopping everything/);
    expect(out).toContain("loop-returned-1");
  }, 30_000);

  it("when the script is told to stop (Ctrl-C), then every supervised process is stopped", async () => {
    const pids = new Map<string, number>();
    const { code } = await runBash(
      `
      trap supervise_stop_all EXIT
      trap 'exit 130' INT TERM
      supervise_start "replica :3101" expendable sleep 60; echo "pid r1 $SUPERVISED_PID"
      supervise_start "proxy" essential sleep 60; echo "pid proxy $SUPERVISED_PID"
      echo ready
      supervise_loop || exit $?
    `,
      (line, signal) => {
        pidsFrom(pids, line);
        if (line === "ready") signal("SIGINT");
      },
    );
    expect(code).toBe(130);
    expect(pids.size).toBe(2);
    expect([...pids.values()].some(alive)).toBe(false);
  }, 30_000);
});
