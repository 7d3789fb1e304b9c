import { Router, type Response } from "express";
import {
  auditedDetails,
  startConsentRequestSchema,
  type CheckStreamLine,
  type DetailsParsed,
  type HandoffStep,
  type HandoffViewResponse,
  type StartConsentResponse,
} from "@wc/contracts";
import type { z } from "zod";
import { withBody } from "../platform/http/validate";
import { AppError } from "../platform/http/app-error";
import { audit, diff } from "../audit";
import { saveDetails, toView } from "../connectors";
import { startHandoffConsent, type ConsentDeps } from "../consent";
import { runChecks, type HealthDeps } from "../health";
import type { ConnectorRecord } from "../store/types";
import { handoffGrant, handoffGuard, type HandoffGrant, type HandoffGuardDeps } from "./handoff-guard";
import { needsNoConsent } from "./handoff-links";

export interface HandoffRouteDeps {
  guard: HandoffGuardDeps;
  consent: ConsentDeps;
  health: HealthDeps;
  detailsSchema: z.ZodType<DetailsParsed>;
  allowedWorkdayHosts: string;
}

const writeLine = (res: Response, line: CheckStreamLine) => res.write(`${JSON.stringify(line)}\n`);
const target = (c: ConnectorRecord) => ({ targetType: "connector" as const, targetId: c.id, targetName: c.name });

/**
 * What the hand-off page may do, with the link's token and no session: read its connector, save
 * the client details, start consent; once consent completed through it, with the results ticket,
 * read the view and run the checks. Nothing else: every other route still needs a session.
 */
export function handoffRouter(d: HandoffRouteDeps) {
  const r = Router();
  const link = handoffGuard(d.guard, ["link"]);
  const linkOrResult = handoffGuard(d.guard, ["link", "result"]);
  const result = handoffGuard(d.guard, ["result"]);
  const publicUrl = d.consent.publicUrl;

  const viewOf = (g: HandoffGrant, c: ConnectorRecord): HandoffViewResponse => ({
    connector: toView(c, publicUrl),
    phase: g.kind === "result" ? "results" : "setup",
    expiresAt: g.kind === "result" ? (g.link.resultExpiresAt ?? g.link.expiresAt) : g.link.expiresAt,
    allowedWorkdayHosts: d.allowedWorkdayHosts,
  });
  const recordUse = (g: HandoffGrant, step: HandoffStep, userAgent: string | undefined) =>
    d.guard.store.recordHandoffUse(g.link.id, { step, at: d.guard.now().toISOString(), ip: g.actor.ip, userAgent: userAgent?.slice(0, 300) ?? null });
  // Setup is for a connector that still needs consent: one an admin connected meanwhile is left alone.
  const stillNeedsConsent = (c: ConnectorRecord) => {
    const problem = needsNoConsent(c);
    if (problem) throw new AppError(409, "conflict", problem);
  };

  r.get("/", linkOrResult, async (req, res) => {
    const g = handoffGrant(res);
    if (g.kind === "link") await recordUse(g, "opened", req.get("user-agent"));
    res.json(viewOf(g, g.connector));
  });

  r.put(
    "/connectors/:id/details",
    link,
    withBody(d.detailsSchema, async (req, res, body) => {
      const g = handoffGrant(res);
      stillNeedsConsent(g.connector);
      const updated = await saveDetails(d.consent, g.connector, body, g.actor.name);
      const entry = (c: ConnectorRecord) => auditedDetails(toView(c, publicUrl));
      await audit(d.guard, g.actor, { action: "connector.details_saved", ...target(g.connector), ...diff(entry(g.connector), entry(updated)) });
      await recordUse(g, "details_saved", req.get("user-agent"));
      res.json(viewOf(g, updated));
    }),
  );

  r.post(
    "/connectors/:id/consent",
    link,
    withBody(startConsentRequestSchema, async (req, res, body) => {
      const g = handoffGrant(res);
      stillNeedsConsent(g.connector);
      const out: StartConsentResponse = await startHandoffConsent(d.consent, g.connector.id, g.link.id, body.mode);
      await audit(d.guard, g.actor, { action: "connector.consent_started", ...target(g.connector), after: { mode: body.mode, handoffLinkId: g.link.id } });
      await recordUse(g, "consent_started", req.get("user-agent"));
      res.json(out);
    }),
  );

  // The live checks after consent, streamed one line per check like the wizard's Done step.
  r.post("/connectors/:id/checks", result, async (_req, res) => {
    const g = handoffGrant(res);
    await audit(d.guard, g.actor, { action: "connector.checks_run", ...target(g.connector), before: { status: g.connector.status } });
    res.status(200).setHeader("Content-Type", "application/x-ndjson");
    try {
      const out = await runChecks(d.health, g.connector.id, g.actor.name, (check) => writeLine(res, { type: "check", check }));
      writeLine(res, { type: "done", connector: toView(out.connector, publicUrl) });
    } catch (e) {
      if (!res.headersSent) throw e;
      d.guard.log.error({ connectorId: g.connector.id, err: e }, "hand-off checks stopped mid-stream");
      writeLine(res, { type: "error", message: e instanceof AppError ? e.message : "The checks could not finish. Try again." });
    }
    res.end();
  });
  return r;
}
