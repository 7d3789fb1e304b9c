import { chmod } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** The one file the package's `bin` points at: the CLI and everything it imports, for Node 24. */
export const OUTFILE = fileURLToPath(new URL("../dist/workday-connect.mjs", import.meta.url));

export async function buildCli(): Promise<string> {
  await build({
    entryPoints: [fileURLToPath(new URL("../src/main.ts", import.meta.url))],
    outfile: OUTFILE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    banner: { js: "#!/usr/bin/env node" },
    logLevel: "warning",
  });
  await chmod(OUTFILE, 0o755);
  return OUTFILE;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCli();
