import { Router } from "express";
import type { PublicConfig, SessionResponse } from "@wc/contracts";
import { requireSession } from "../middleware/session";

/** Liveness for load balancers and scripts: no session, no store access. */
export function healthRouter() {
  const r = Router();
  r.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  return r;
}

export function metaRouter(p: { publicUrl: string; allowedWorkdayHosts: string; version: string }) {
  const r = Router();
  r.get("/config", (_req, res) => {
    const body: PublicConfig = { publicUrl: p.publicUrl, allowedWorkdayHosts: p.allowedWorkdayHosts, version: p.version };
    res.json(body);
  });
  r.get("/session", (_req, res) => {
    const s = requireSession(res);
    const body: SessionResponse = {
      user: { id: s.userId, name: s.userName, email: "", role: s.role, source: "local" },
      setupRequired: false,
      sso: { enabled: false, label: "" },
      idleExpiresAt: null,
      absoluteExpiresAt: null,
    };
    res.json(body);
  });
  return r;
}
