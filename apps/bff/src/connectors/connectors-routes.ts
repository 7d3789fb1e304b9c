import { Router } from "express";
import {
  auditedDetails,
  connectorListQuerySchema,
  createConnectorRequestSchema,
  startConsentRequestSchema,
  wizardProgressRequestSchema,
  type ConnectorDetailResponse,
  type ConnectorResponse,
  type DetailsParsed,
  type StartConsentResponse,
} from "@wc/contracts";
import type { HostAllowList } from "@wc/workday";
import type { z } from "zod";
import { param, parseQuery, withBody } from "../platform/http/validate";
import { requireAdmin, requireAdminSession, requirePrincipal, requireSession, requireSupport } from "../auth";
import { createDraft, loadConnector, saveDetails, saveProgress } from "./connectors";
import { startConsent, type ConsentDeps } from "../consent";
import { toView } from "./connector-view";
import { listConnectorsJson } from "./connector-list";
import { keptCompression } from "../platform/http/kept-compression";
import { notFound } from "../platform/http/app-error";
import { actorOf, audit, diff, type AuditDeps } from "../audit";
import type { ConnectorRecord } from "../store/types";

const target = (c: ConnectorRecord) => ({ targetType: "connector" as const, targetId: c.id, targetName: c.name });
const progressView = (c: ConnectorRecord) => ({
  wizardStep: c.wizardStep,
  prerequisites: c.prerequisites,
  tenantSetup: c.tenantSetup,
  workdayAddress: c.workdayAddress,
});

/** `allow` is the Workday host allow-list the details schema was built with; the wizard's Workday address passes the same check. */
export function connectorsRouter(d: ConsentDeps & AuditDeps, detailsSchema: z.ZodType<DetailsParsed>, allow: HostAllowList) {
  const r = Router();
  const sendKept = keptCompression();
  const view = (c: Parameters<typeof toView>[0]): ConnectorResponse => ({ connector: toView(c, d.publicUrl) });
  // From the browser's view, so the log holds no more than an admin may see: a new secret shows by its last characters.
  const detailsEntry = (c: ConnectorRecord) => auditedDetails(toView(c, d.publicUrl));

  r.get("/", requireSupport, async (req, res) => {
    sendKept(req, res, await listConnectorsJson(d.store, parseQuery(connectorListQuerySchema, req)));
  });

  r.post(
    "/",
    requireAdmin,
    withBody(createConnectorRequestSchema, async (req, res, body) => {
      const c = await createDraft(d, body.name, requirePrincipal(res).name, { address: body.workdayAddress, allow });
      await audit(d, actorOf(req, res), { action: "connector.created", ...target(c), after: { name: c.name, workdayAddress: c.workdayAddress } });
      res.status(201).json(view(c));
    }),
  );

  r.get("/:id", requireSupport, async (req, res) => {
    const c = await loadConnector(d, param(req, "id"));
    const body: ConnectorDetailResponse = { ...view(c), timeline: await d.store.listTimeline(c.id) };
    res.json(body);
  });

  r.delete("/:id", requireAdmin, async (req, res) => {
    const c = await loadConnector(d, param(req, "id"));
    if (!(await d.store.deleteConnector(c.id))) throw notFound("Connector");
    await audit(d, actorOf(req, res), { action: "connector.deleted", ...target(c), before: { name: c.name, status: c.status, tenant: c.tenant } });
    res.status(204).end();
  });

  r.patch(
    "/:id/wizard",
    requireAdmin,
    withBody(wizardProgressRequestSchema, async (req, res, body) => {
      const c = await loadConnector(d, param(req, "id"));
      const updated = await saveProgress(d, c, body, allow);
      await audit(d, actorOf(req, res), { action: "connector.wizard_saved", ...target(c), ...diff(progressView(c), progressView(updated)) });
      res.json(view(updated));
    }),
  );

  r.put(
    "/:id/details",
    requireAdmin,
    withBody(detailsSchema, async (req, res, body) => {
      const c = await loadConnector(d, param(req, "id"));
      const updated = await saveDetails(d, c, body, requirePrincipal(res).name);
      await audit(d, actorOf(req, res), { action: "connector.details_saved", ...target(c), ...diff(detailsEntry(c), detailsEntry(updated)) });
      res.json(view(updated));
    }),
  );

  r.post(
    "/:id/consent",
    // Consent happens in the admin's browser (pop-up or redirect) and is bound to that session.
    requireAdminSession,
    withBody(startConsentRequestSchema, async (req, res, body) => {
      const out: StartConsentResponse = await startConsent(d, param(req, "id"), requireSession(res), body.mode);
      const c = await loadConnector(d, param(req, "id"));
      await audit(d, actorOf(req, res), { action: "connector.consent_started", ...target(c), after: { mode: body.mode } });
      res.setHeader("Cache-Control", "no-store");
      res.json(out);
    }),
  );
  return r;
}
