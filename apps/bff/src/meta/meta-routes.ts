import { Router } from "express";
import { buildOpenApiDocument, type PublicConfig } from "@wc/contracts";
import { publicRoute } from "../platform/http/public-route";
import { requireSupport } from "../auth";

/** Liveness for load balancers and scripts: no session, no store access. */
export function healthRouter() {
  const r = Router();
  r.get("/health", publicRoute("liveness probe"), (_req, res) => {
    res.json({ ok: true });
  });
  return r;
}

/** The OpenAPI document of every /api route, built once; public and before the session middleware, like /health. */
export function openApiRouter(p: { publicUrl: string; version: string }) {
  const r = Router();
  const document = buildOpenApiDocument({ version: p.version, serverUrl: p.publicUrl });
  r.get("/openapi.json", publicRoute("describes the API to anyone who would call it; holds no data"), (_req, res) => {
    res.json(document);
  });
  return r;
}

export function metaRouter(p: { publicUrl: string; allowedWorkdayHosts: string; version: string }) {
  const r = Router();
  r.get("/config", requireSupport, (_req, res) => {
    const body: PublicConfig = { publicUrl: p.publicUrl, allowedWorkdayHosts: p.allowedWorkdayHosts, version: p.version };
    res.json(body);
  });
  return r;
}
