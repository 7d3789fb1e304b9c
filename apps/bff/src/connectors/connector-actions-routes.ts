import { Router, type Response } from "express";
import type { CheckStreamLine, RunChecksResponse } from "@wc/contracts";
import { AppError } from "../platform/http/app-error";
import { param } from "../platform/http/validate";
import { requireAdmin, requirePrincipal, requireSupport } from "../auth";
import { actorOf, audit, type AuditDeps } from "../audit";
import { disconnect } from "./disconnect";
import { diagnosticsBundle } from "./diagnostics";
import { runChecks, type HealthDeps } from "../health";
import { toView } from "./connector-view";

const writeLine = (res: Response, line: CheckStreamLine) => res.write(`${JSON.stringify(line)}\n`);

/** Health and lifecycle actions on one connector (admins); the diagnostics bundle (support too). */
export function connectorActionsRouter(d: HealthDeps & AuditDeps & { publicUrl: string }, version: string) {
  const r = Router();

  // "Run checks now". With Accept: application/x-ndjson each check is streamed as it finishes,
  // so the wizard can show them live; otherwise one JSON answer.
  r.post("/:id/checks", requireAdmin, async (req, res) => {
    const id = param(req, "id");
    const actor = requirePrincipal(res).name;
    const before = await d.store.getConnector(id);
    if (before)
      await audit(d, actorOf(req, res), {
        action: "connector.checks_run",
        targetType: "connector",
        targetId: id,
        targetName: before.name,
        before: { status: before.status },
      });
    if (req.get("accept") !== "application/x-ndjson") {
      const out = await runChecks(d, id, actor);
      const body: RunChecksResponse = { connector: toView(out.connector, d.publicUrl), checks: out.checks };
      res.json(body);
      return;
    }
    res.status(200).setHeader("Content-Type", "application/x-ndjson");
    res.setHeader("Cache-Control", "no-store");
    try {
      const out = await runChecks(d, id, actor, (check) => writeLine(res, { type: "check", check }));
      writeLine(res, { type: "done", connector: toView(out.connector, d.publicUrl) });
    } catch (e) {
      if (!res.headersSent) throw e;
      d.log.error({ connectorId: id, err: e }, "checks stopped mid-stream");
      writeLine(res, { type: "error", message: e instanceof AppError ? e.message : "The checks could not finish. Try again." });
    }
    res.end();
  });

  r.post("/:id/disconnect", requireAdmin, async (req, res) => {
    const c = await disconnect(d, param(req, "id"), requirePrincipal(res).name);
    await audit(d, actorOf(req, res), {
      action: "connector.disconnected",
      targetType: "connector",
      targetId: c.id,
      targetName: c.name,
      after: { status: c.status },
    });
    res.json({ connector: toView(c, d.publicUrl) });
  });

  r.get("/:id/diagnostics", requireSupport, async (req, res) => {
    const bundle = await diagnosticsBundle(d, param(req, "id"), version);
    res.setHeader("Content-Disposition", `attachment; filename="workday-connect-diagnostics-${bundle.connector.id}.json"`);
    res.setHeader("Cache-Control", "no-store");
    res.json(bundle);
  });
  return r;
}
