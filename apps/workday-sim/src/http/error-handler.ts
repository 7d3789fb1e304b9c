import type { ErrorRequestHandler, RequestHandler } from "express";
import { HttpError } from "../lib/http-error";
import { html, page } from "../lib/html";

const wantsJson = (path: string): boolean => path.startsWith("/_sim/api") || path.startsWith("/ccx/");

const htmlError = (title: string, message: string): string =>
  page(title, html`<main class="error"><h1>${title}</h1><p>${message}</p><p><a href="/_sim/">Back to the simulator</a></p></main>`);

/** Parser failures from express.json / express.urlencoded carry a status and a `type`. */
function isParserError(err: unknown): err is { status: number; type: string } {
  return typeof err === "object" && err !== null && "type" in err && "status" in err && typeof err.status === "number";
}

export const notFound: RequestHandler = (req, res) => {
  if (wantsJson(req.path)) res.status(404).json({ error: "Resource not found" });
  else res.status(404).type("html").send(htmlError("Page not found", "The page you requested does not exist."));
};

/** Every failure ends here: a short JSON or HTML answer, never a stack trace. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  if (err instanceof HttpError) {
    res.status(err.status).set(err.headers);
    const { body } = err;
    if ("html" in body && typeof body.html === "string") res.type("html").send(body.html);
    else if (wantsJson(req.path)) res.json(body);
    else res.type("html").send(htmlError("Cannot do that", "error" in body && typeof body.error === "string" ? body.error : `HTTP ${err.status}`));
    return;
  }
  if (isParserError(err) && err.status < 500) {
    if (req.path.startsWith("/ccx/oauth2")) res.status(400).set("Cache-Control", "no-store").json({ error: "invalid_request" });
    else if (err.type === "entity.too.large") res.status(413).json({ error: "The request body is too large." });
    else res.status(400).json({ error: "The request body is not valid JSON (or not valid for its Content-Type)." });
    return;
  }
  console.error("[workday-sim] unexpected error", err);
  if (wantsJson(req.path)) res.status(500).json({ error: "Internal simulator error" });
  else res.status(500).type("html").send(htmlError("Something went wrong", "The simulator could not handle this request."));
};
