import { copyFile, mkdir, readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const at = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

export const DIST = at("../dist");
/** What production starts with plain node: the console, and the key rotation command. */
export const ENTRIES = { server: at("../src/server.ts"), "rotate-key": at("../src/cli/rotate-key.ts") };

/**
 * The workspace packages export TypeScript sources, which node cannot load from node_modules, so
 * they are bundled in; the npm dependencies stay imports, resolved from apps/bff/node_modules as
 * under tsx (pino, pg, nodemailer and others load optional or native parts by dynamic require).
 */
async function externals(): Promise<string[]> {
  const pkg = JSON.parse(await readFile(at("../package.json"), "utf8")) as { dependencies: Record<string, string> };
  return Object.keys(pkg.dependencies).filter((name) => !name.startsWith("@wc/"));
}

/** apps/bff/dist/server.mjs and rotate-key.mjs, for Node 24 with no TypeScript loader. */
export async function buildBff(): Promise<string> {
  await rm(DIST, { recursive: true, force: true });
  await build({
    entryPoints: ENTRIES,
    outdir: DIST,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node24",
    external: await externals(),
    // With node --enable-source-maps, stack traces point into src/.
    sourcemap: "linked",
    logLevel: "warning",
  });
  // The SQLite writer thread is started from its own file beside the code (new URL(…, import.meta.url)).
  await mkdir(DIST, { recursive: true });
  await copyFile(at("../src/platform/store/sqlite-writer-worker.js"), `${DIST}/sqlite-writer-worker.js`);
  return DIST;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildBff();
