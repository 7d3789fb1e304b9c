import { readEnv } from "./config/env";
import { runCli } from "./cli";

// `| head` closes stdout early: the export stops (OutputClosed) instead of the process dying on EPIPE.
process.stdout.on("error", () => undefined);
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }, readEnv());
