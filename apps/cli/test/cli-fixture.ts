import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { routes } from "@wc/contracts";
import type { Client } from "../../bff/test/harness";

/** The built binary, as `bin` installs it (vitest's globalSetup builds it before any test file). */
export const BIN = fileURLToPath(new URL("../dist/workday-connect.mjs", import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout as it arrived: ms since the start, and the text of each chunk. */
  chunks: { at: number; text: string }[];
}

/** Everything any CLI run printed in this file, for the token-leak check at its end. */
export const printed: string[] = [];

/**
 * Runs `node dist/workday-connect.mjs …` as a child process with only the variables given: no proxy,
 * no NODE_OPTIONS, nothing inherited. The console runs in this process, so the wait is asynchronous.
 */
export function runCli(args: string[], env: Record<string, string> = {}, timeoutMs = 30_000): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    const run: CliRun = { code: null, stdout: "", stderr: "", chunks: [] };
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`workday-connect ${args.join(" ")} did not finish within ${timeoutMs} ms; stderr: ${run.stderr}`));
    }, timeoutMs);
    child.stdout.setEncoding("utf8").on("data", (text: string) => {
      run.stdout += text;
      run.chunks.push({ at: performance.now() - started, text });
    });
    child.stderr.setEncoding("utf8").on("data", (text: string) => (run.stderr += text));
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      run.code = code;
      printed.push(run.stdout, run.stderr);
      resolve(run);
    });
  });
}

/** The variables a script would set: the console's address and an API token. */
export const envFor = (url: string, token: string) => ({ WORKDAY_CONNECT_URL: url, WORKDAY_CONNECT_TOKEN: token });

/** An admin revokes the token on the API tokens page (its DELETE route). */
export async function revokeToken(admin: Client, id: string) {
  const res = await admin.delete(routes.apiToken(id));
  if (res.status !== 200) throw new Error(`API token not revoked: ${res.status} ${res.text}`);
}

/** What the console itself answers a bearer request, to compare the CLI's message with (not our wording of it). */
export async function consoleAnswer(base: string, path: string, token: string, method = "GET") {
  const res = await fetch(new URL(path, base), { method, headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { error: { message: string } } };
}
