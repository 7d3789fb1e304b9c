import { Router, type Request, type Response } from "express";
import { html } from "../lib/html";
import type { SimState } from "../model/state";
import { adminPage, tenantHref, TENANT_TASKS } from "./layout";

/** Loose match for a search box: case, dashes and extra spaces do not matter. */
const words = (s: string): string => s.toLowerCase().replace(/[–—-]/g, " ").replace(/\s+/g, " ").trim();

/**
 * The tenant's own Workday site paths: `/<tenant>/d/home.htmld` and Workday's search,
 * `/<tenant>/d/search.htmld?q=…`, which lists the tasks whose names match. The console links
 * Workday's tasks this way (docs/workday.md §1a), so the links work against the simulator too.
 */
export function taskSearchPages(state: SimState): Router {
  const router = Router();

  router.get("/:tenant/d/home.htmld", (req: Request<{ tenant: string }>, res: Response) => {
    res.redirect(302, tenantHref(state.tenant(req.params.tenant)));
  });

  router.get("/:tenant/d/search.htmld", (req: Request<{ tenant: string }>, res: Response) => {
    const tenant = state.tenant(req.params.tenant);
    const q = typeof req.query.q === "string" ? req.query.q : "";
    const found = q.trim() === "" ? [] : TENANT_TASKS.filter((t) => words(t.title).includes(words(q)));
    const body = html`<form method="get"><label>Search <input name="q" value="${q}" /></label> <button type="submit">Search</button></form>
${found.length === 0 ? html`<p>No tasks match "${q}".</p>` : html`<ul class="tasks">${found.map((t) => html`<li><a href="${tenantHref(tenant, t.path)}">${t.title}</a> <small>Task</small></li>`)}</ul>`}`;
    res.type("html").send(adminPage(`Search results for "${q}"`, body, { tenant }));
  });

  return router;
}
