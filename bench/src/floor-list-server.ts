// The list bench's floor (list.ts): bare Express plus only what the issue and the security model
// require of any signed-in JSON answer, taken from the console itself: its security headers
// (helmet), its JSON compression, its body parser, no-store, and its session middleware reading
// the session and its user from the same SQLite file the console uses (so the console's cookie is
// valid here). Then the first page's bytes from memory. No routing beyond that, no metrics, no
// request log, no query validation, no store reads for the page: the gap between this and bare
// Express is what any console on this stack pays; the gap between the console and this is its own.
import { readFileSync } from "node:fs";
import express from "express";
import { currentUser, sessionMiddleware } from "../../apps/bff/src/auth/session-middleware";
import { compressAnswers } from "../../apps/bff/src/platform/http/compress-answers";
import { jsonBody } from "../../apps/bff/src/platform/http/json-body";
import { noStore } from "../../apps/bff/src/platform/http/no-store";
import { securityHeaders } from "../../apps/bff/src/platform/http/security-headers";
import { openStore } from "../../apps/bff/src/store/open-store";

const body = readFileSync(process.env.BODY_FILE ?? "");
const port = Number(process.env.PORT);
const store = await openStore(`file:${process.env.DB_FILE ?? ""}`);
const app = express();
app.disable("x-powered-by");
app.set("etag", false);
app.use(securityHeaders(false));
app.use(compressAnswers());
app.use(jsonBody());
app.use(noStore);
app.use(sessionMiddleware({ store, now: () => new Date(), secure: false, policy: { idleMs: 3_600_000, absoluteMs: 12 * 3_600_000 } }));
app.get("/api/connectors", (_req, res) => {
  if (!currentUser(res)) {
    res.status(401).json({ error: "signed out" });
    return;
  }
  res.type("application/json").send(body);
});
app.get("/health", (_req, res) => {
  res.send("ok");
});
app.listen(port, "127.0.0.1");
