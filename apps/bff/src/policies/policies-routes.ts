import { Router } from "express";
import { policyRequestSchema, type PolicyInput, type PoliciesResponse } from "@wc/contracts";
import { POLICY_TEMPLATES } from "@wc/workday";
import { param, withBody } from "../platform/http/validate";
import { AppError } from "../platform/http/app-error";
import { requireAdmin, requirePrincipal, requireSupport } from "../auth";
import { actorOf, audit, diff, type AuditDeps } from "../audit";
import { auditPolicy, changedPolicy, loadPolicy, newPolicy, toPolicyView } from "./policies";
import { backtest } from "./backtest";

/** Every named connector exists: a typo would otherwise make a policy that silently watches nothing. */
async function checkConnectors(d: AuditDeps, input: PolicyInput) {
  for (const [i, id] of (input.connectorIds ?? []).entries()) {
    if (!(await d.store.getConnector(id))) {
      throw new AppError(400, "validation_failed", "Some fields need fixing.", { [`connectorIds.${i}`]: `There is no connector ${id}; choose from the list.` });
    }
  }
}

/** Activity policies: admins write them, support reads them. */
export function policiesRouter(d: AuditDeps) {
  const r = Router();
  const view = async (id: string) => toPolicyView(await loadPolicy(d, id), (await d.store.countOpenAlertsByPolicy())[id] ?? 0);

  r.get("/", requireSupport, async (_req, res) => {
    const open = await d.store.countOpenAlertsByPolicy();
    const body: PoliciesResponse = { policies: (await d.store.listPolicies()).map((p) => toPolicyView(p, open[p.id] ?? 0)) };
    res.json(body);
  });

  r.get("/templates", requireSupport, (_req, res) => {
    res.json({ templates: POLICY_TEMPLATES });
  });

  r.post(
    "/backtest",
    requireAdmin,
    withBody(policyRequestSchema, async (_req, res, b) => {
      await checkConnectors(d, b);
      res.json(await backtest(d, b));
    }),
  );

  r.post(
    "/",
    requireAdmin,
    withBody(policyRequestSchema, async (req, res, b) => {
      await checkConnectors(d, b);
      const p = newPolicy(b, requirePrincipal(res).name, d.now());
      await d.store.insertPolicy(p);
      await audit(d, actorOf(req, res), { action: "policy.created", targetType: "policy", targetId: p.id, targetName: p.name, after: auditPolicy(p) });
      res.status(201).json(toPolicyView(p, 0));
    }),
  );

  r.get("/:id", requireSupport, async (req, res) => {
    res.json(await view(param(req, "id")));
  });

  r.put(
    "/:id",
    requireAdmin,
    withBody(policyRequestSchema, async (req, res, b) => {
      const before = await loadPolicy(d, param(req, "id"));
      await checkConnectors(d, b);
      const after = changedPolicy(before, b, requirePrincipal(res).name, d.now());
      // Deleted since it was read: say so rather than audit a change nothing holds.
      if (!(await d.store.updatePolicy(after))) throw new AppError(404, "not_found", "No such policy.");
      await audit(d, actorOf(req, res), {
        action: "policy.updated",
        targetType: "policy",
        targetId: after.id,
        targetName: after.name,
        ...diff(auditPolicy(before), auditPolicy(after)),
      });
      // Built from what was written, not read again: a delete just after cannot turn an audited change into a 404.
      res.json(toPolicyView(after, (await d.store.countOpenAlertsByPolicy())[after.id] ?? 0));
    }),
  );

  r.delete("/:id", requireAdmin, async (req, res) => {
    const p = await loadPolicy(d, param(req, "id"));
    // Another request may have deleted it since it was read: one deletion, one audit entry.
    if (!(await d.store.deletePolicy(p.id))) throw new AppError(404, "not_found", "No such policy.");
    await audit(d, actorOf(req, res), { action: "policy.deleted", targetType: "policy", targetId: p.id, targetName: p.name, before: auditPolicy(p) });
    res.status(204).end();
  });

  return r;
}
