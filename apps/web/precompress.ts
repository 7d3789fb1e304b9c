import { readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin, ResolvedConfig } from "vite";

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function* filesUnder(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(file);
    else if (COMPRESSIBLE.test(entry.name)) yield file;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, for the BFF to send as
 * they are (apps/bff/src/platform/http/serve-spa.ts). Compressing once here affords the slowest,
 * smallest settings (brotli 11, gzip 9), which would cost too much per request. A variant that is
 * not smaller than its file is not written, so the BFF sends that file as it is.
 */
export function precompress(): Plugin {
  let config: ResolvedConfig;
  return {
    name: "wc-precompress",
    apply: "build",
    configResolved(resolved) {
      config = resolved;
    },
    async closeBundle() {
      const outDir = path.resolve(config.root, config.build.outDir);
      const written: Promise<void>[] = [];
      for await (const file of filesUnder(outDir)) {
        written.push(
          readFile(file).then(async (raw) => {
            const [br, gzipped] = await Promise.all([
              brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
              gz(raw, { level: constants.Z_BEST_COMPRESSION }),
            ]);
            if (br.length < raw.length) await writeFile(`${file}.br`, br);
            if (gzipped.length < raw.length) await writeFile(`${file}.gz`, gzipped);
          }),
        );
      }
      await Promise.all(written);
    },
  };
}
