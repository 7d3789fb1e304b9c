import { Router } from "express";
import {
  createConnectorRequestSchema,
  startConsentRequestSchema,
  wizardProgressRequestSchema,
  type ConnectorDetailResponse,
  type ConnectorResponse,
  type DetailsParsed,
  type ListConnectorsResponse,
  type StartConsentResponse,
} from "@wc/contracts";
import type { z } from "zod";
import { param, withBody } from "../middleware/validate";
import { requireSession } from "../middleware/session";
import { createDraft, loadConnector, saveDetails, saveProgress } from "../services/connectors";
import { startConsent, type ConsentDeps } from "../services/consent";
import { toSummary, toView } from "../services/connector-view";
import { notFound } from "../lib/app-error";

export function connectorsRouter(d: ConsentDeps, detailsSchema: z.ZodType<DetailsParsed>) {
  const r = Router();
  const view = (c: Parameters<typeof toView>[0]): ConnectorResponse => ({ connector: toView(c, d.publicUrl) });

  r.get("/", async (_req, res) => {
    const body: ListConnectorsResponse = { connectors: (await d.store.listConnectors()).map(toSummary) };
    res.json(body);
  });

  r.post(
    "/",
    withBody(createConnectorRequestSchema, async (_req, res, body) => {
      const c = await createDraft(d, body.name, requireSession(res).userName);
      d.log.info({ connectorId: c.id, actor: requireSession(res).userId }, "connector draft created");
      res.status(201).json(view(c));
    }),
  );

  r.get("/:id", async (req, res) => {
    const c = await loadConnector(d, param(req, "id"));
    const body: ConnectorDetailResponse = { ...view(c), timeline: await d.store.listTimeline(c.id) };
    res.json(body);
  });

  r.delete("/:id", async (req, res) => {
    const id = param(req, "id");
    if (!(await d.store.deleteConnector(id))) throw notFound("Connector");
    d.log.info({ connectorId: id, actor: requireSession(res).userId }, "connector deleted");
    res.status(204).end();
  });

  r.patch(
    "/:id/wizard",
    withBody(wizardProgressRequestSchema, async (req, res, body) => {
      const c = await loadConnector(d, param(req, "id"));
      res.json(view(await saveProgress(d, c, body)));
    }),
  );

  r.put(
    "/:id/details",
    withBody(detailsSchema, async (req, res, body) => {
      const c = await loadConnector(d, param(req, "id"));
      const updated = await saveDetails(d, c, body, requireSession(res).userName);
      d.log.info({ connectorId: c.id, actor: requireSession(res).userId }, "connector details saved");
      res.json(view(updated));
    }),
  );

  r.post(
    "/:id/consent",
    withBody(startConsentRequestSchema, async (req, res, body) => {
      const out: StartConsentResponse = await startConsent(d, param(req, "id"), requireSession(res), body.mode);
      res.setHeader("Cache-Control", "no-store");
      res.json(out);
    }),
  );
  return r;
}
