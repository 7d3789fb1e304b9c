import express, { type NextFunction, type Request, type Response } from "express";
import { stat } from "node:fs/promises";
import path from "node:path";
import { AppError } from "./app-error";
import { chooseCoding, CODINGS } from "./content-coding";

type CacheOptions = { maxAge: string; immutable?: boolean };

const isFile = (file: string) =>
  stat(file).then(
    (s) => s.isFile(),
    () => false,
  );

/** The file a request path names under `root`, or null for anything outside it or hidden (as express.static refuses). */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.split("/").some((segment) => segment.startsWith("."))) return null;
  const file = path.join(root, decoded);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Sends `file`'s precompressed sibling (`.br`, `.gz`, written at build by apps/web/precompress.ts)
 * when the request accepts it, under the file's own type and cache headers; false when identity is
 * the answer and nothing was sent. Caches are told the answer depends on Accept-Encoding either way.
 */
async function sendPrecompressed(req: Request, res: Response, file: string, cache: CacheOptions | null): Promise<boolean> {
  res.vary("Accept-Encoding");
  const onHand = await Promise.all(CODINGS.map(async (c) => ((await isFile(file + c.suffix)) ? c : null)));
  const available = onHand.filter((c) => c !== null);
  const coding = chooseCoding(
    req.get("accept-encoding"),
    available.map((c) => c.coding),
  );
  const variant = available.find((c) => c.coding === coding);
  if (variant === undefined) return false;
  res.type(path.extname(file));
  res.setHeader("Content-Encoding", variant.coding);
  res.sendFile(file + variant.suffix, cache ?? {});
  return true;
}

function precompressed(root: string, cache: CacheOptions) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = fileUnder(root, req.path);
    if (file === null) return next();
    isFile(file)
      .then(async (exists) => (exists ? sendPrecompressed(req, res, file, cache) : false))
      .then((sent) => (sent ? undefined : next()), next);
  };
}

/**
 * The built SPA: hashed assets cached for good, other top-level files for an hour, and index.html
 * for every other path, never cached. Each is sent brotli- or gzip-compressed from the build's
 * precompressed files when the browser accepts it (the JSON answers are compressed on the fly in
 * compress-answers.ts).
 */
export function serveSpa(app: express.Express, dir: string) {
  const index = path.join(dir, "index.html");
  const assets = path.join(dir, "assets");
  // Vite names every file under assets/ by its content hash: a new build means new names.
  const hashed = { maxAge: "365d", immutable: true };
  app.use("/assets", precompressed(assets, hashed), express.static(assets, { index: false, ...hashed }));
  // An asset of an older build must not be answered with index.html (the browser would run HTML as script).
  app.use("/assets", (_req, _res, next) =>
    next(new AppError(404, "not_found", "No such file: the console was upgraded since this page loaded. Reload the page.")),
  );
  const topLevel = { maxAge: "1h" };
  app.use(precompressed(dir, topLevel), express.static(dir, { index: false, ...topLevel }));
  app.get("/{*splat}", (req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    sendPrecompressed(req, res, index, null).then((sent) => (sent ? undefined : res.sendFile(index)), next);
  });
}
