import { Router } from "express";
import { auditQuerySchema, type ListAuditResponse } from "@wc/contracts";
import { requireAdmin } from "../auth";
import { parseQuery } from "../platform/http/validate";
import type { AuditDeps } from "./audit";

/** The audit log, newest first, filterable; admins only. There is no route that changes it. */
export function auditRouter(d: AuditDeps) {
  const r = Router();
  r.get("/", requireAdmin, async (req, res) => {
    const q = parseQuery(auditQuerySchema, req);
    const entries = await d.store.listAudit(q);
    const last = entries.at(-1);
    const body: ListAuditResponse = { entries, nextBefore: entries.length === q.limit && last ? last.seq : null };
    res.setHeader("Cache-Control", "no-store");
    res.json(body);
  });
  return r;
}
