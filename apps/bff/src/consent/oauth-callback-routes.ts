import { Router, type Request } from "express";
import { pages } from "@wc/contracts";
import { param } from "../platform/http/validate";
import { currentSession } from "../auth";
import { completeConsent, type ConsentDeps } from "./consent";
import { publicRoute } from "../platform/http/public-route";
import { actorOf, audit, type AuditDeps } from "../audit";
import { seeOther } from "../platform/http/see-other";

const one = (req: Request, key: string): string | undefined => {
  const v = req.query[key];
  return typeof v === "string" ? v : undefined;
};

/**
 * Workday's redirect lands here with the code in the URL. The response never renders it: it
 * redirects away at once (303), with no-store and no-referrer so the code leaks nowhere.
 */
export function oauthCallbackRouter(d: ConsentDeps & AuditDeps) {
  const r = Router();
  // Public: Workday's redirect may arrive after the session ended; the state binds it to the
  // session that started consent, and without that session the attempt fails.
  r.get("/connect/:id", publicRoute("Workday's redirect back; bound by state to the session or hand-off link that started it"), async (req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Referrer-Policy", "no-referrer");
    const id = param(req, "id");
    if (one(req, "selftest") !== undefined && one(req, "state") === undefined && one(req, "code") === undefined) {
      // Redirect-URI self-test: proves this URL reaches this deployment's callback for this connector.
      const exists = (await d.store.getConnector(id)) !== null;
      res.status(exists ? 200 : 404).json({ selftest: "workday-connect", connectorId: id });
      return;
    }
    const q = req.originalUrl.indexOf("?");
    const result = await completeConsent(d, id, currentSession(res), {
      state: one(req, "state"),
      code: one(req, "code"),
      error: one(req, "error"),
      errorDescription: one(req, "error_description"),
      rawQuery: q >= 0 ? req.originalUrl.slice(q + 1) : "",
      client: { ip: req.ip ?? null, userAgent: req.get("user-agent")?.slice(0, 300) ?? null, requestId: actorOf(req, res).requestId },
    });
    if (result.kind === "refused") {
      seeOther(res, result.handoff ? pages.handoffComplete(id, { outcome: "refused" }) : pages.consentComplete(id, { refused: true }));
      return;
    }
    const ok = result.outcome.outcome === "success";
    // Through a hand-off link the actor is the link, even in a browser that is also signed in to the console.
    const actor = result.handoff ? { ...actorOf(req, res), id: null, name: result.handoff.actorName ?? "hand-off link" } : actorOf(req, res);
    await audit(d, actor, {
      action: ok ? "connector.consent_succeeded" : "connector.consent_failed",
      targetType: "connector",
      targetId: id,
      targetName: result.connector.name,
      after: { status: ok ? "connected" : result.connector.status, reasonCode: result.outcome.reasonCode },
    });
    if (result.handoff) {
      // The results ticket rides in the fragment: the browser keeps it, no server or Referer sees it.
      const ticket = result.handoff.resultTicket ? `#result=${result.handoff.resultTicket}` : "";
      seeOther(res, `${pages.handoffComplete(id, { outcome: ok ? "success" : "error", reasonCode: result.outcome.reasonCode })}${ticket}`);
      return;
    }
    seeOther(res, pages.consentComplete(id));
  });
  return r;
}
