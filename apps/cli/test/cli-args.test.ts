import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli";

/** Runs the CLI in this process with no console at all: only what is decided before any request. */
async function cli(args: string[], env: { url?: string; token?: string } = {}) {
  let stdout = "";
  let stderr = "";
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _enc, cb) {
        append(chunk.toString());
        cb();
      },
    });
  const code = await runCli(args, { stdout: sink((s) => (stdout += s)), stderr: sink((s) => (stderr += s)) }, { url: env.url, token: env.token });
  return { code, stdout, stderr };
}

describe("arguments", () => {
  it("when --help is asked for, then the usage, the variables and the exit codes go to stdout with exit 0", async () => {
    const out = await cli(["--help"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("Usage: workday-connect");
    expect(out.stdout).toContain("WORKDAY_CONNECT_TOKEN");
    expect(out.stdout).toMatch(/Exit codes:\n {2}0 {2}done\n {2}1 {2}status/);
  });

  it("when each command's help is asked for, then it has an example", async () => {
    for (const command of [["connectors", "list"], ["connectors", "show"], ["checks", "run"], ["activity", "export"], ["status"]]) {
      const out = await cli([...command, "--help"]);
      expect(out.code, command.join(" ")).toBe(0);
      expect(out.stdout, command.join(" ")).toMatch(/Examples?:\n {2}\$ workday-connect /);
    }
  });

  it("when the command, an option or an argument is wrong, then commander's message goes to stderr and the exit code is 2", async () => {
    for (const args of [["bogus"], ["connectors", "show"], ["activity", "export", "c1", "--format", "xml"], ["status", "--nope"], []]) {
      const out = await cli(args);
      expect(out.code, args.join(" ")).toBe(2);
      expect(out.stderr, args.join(" ")).not.toBe("");
      expect(out.stdout, args.join(" ")).toBe("");
    }
  });

  it("when the address and token are missing, then exit 2 names what to set, before any request", async () => {
    const out = await cli(["status"]);
    expect(out).toMatchObject({ code: 2, stdout: "" });
    expect(out.stderr).toContain("error: No console address: set WORKDAY_CONNECT_URL");
    expect(out.stderr).toContain("No API token: set WORKDAY_CONNECT_TOKEN");
  });

  it("when a bad --status or export date is given, then exit 2 names the flag before any request (the address is unreachable on purpose)", async () => {
    const env = { url: "http://127.0.0.1:1", token: `wct_${"a".repeat(43)}` };
    const status = await cli(["connectors", "list", "--status", "fine"], env);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('Unknown status "fine"');
    const dates = await cli(["activity", "export", "c1", "--from", "2026-03-02T00:00:00Z", "--to", "2026-03-01T00:00:00Z"], env);
    expect(dates).toMatchObject({ code: 2, stderr: "error: --to: From must be before To.\n" });
  });

  it("when a token of the wrong shape is passed with --token, then it is refused without being repeated", async () => {
    const out = await cli(["status", "--url", "http://127.0.0.1:1", "--token", "my-password-1234"]);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("--token does not hold an API token");
    expect(out.stderr).not.toContain("my-password-1234");
  });
});
