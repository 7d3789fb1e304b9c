import type { Request, Response } from "express";
import type { Directory, Person } from "../activity/people";
import { at } from "../lib/hash";
import type { SimState } from "../model/state";
import { authenticate, authorize, resourceNotFound } from "./access";
import { QueryReader } from "./query-params";

/** Workday's WorkerSummary (Common v1). */
function workerSummary(person: Person, directory: Directory, base: string) {
  const org = at(directory.orgs, person.orgIndex);
  const manager = at(directory.people, org.managerIndex);
  return {
    id: person.id,
    descriptor: person.fullName,
    href: `${base}/workers/${person.id}`,
    primaryWorkEmail: person.email,
    primaryWorkPhone: person.phone,
    isManager: person.isManager,
    businessTitle: person.businessTitle,
    primarySupervisoryOrganization: { id: org.id, descriptor: `${org.name} (${manager.fullName})`, href: `${base}/supervisoryOrganizations/${org.id}` },
  };
}

/** GET /ccx/api/v1/<tenant>/workers (limit ≤ 100, as in Workday's Common v1). */
export function listWorkers(state: SimState) {
  return (req: Request<{ tenant: string }>, res: Response): void => {
    const ctx = authenticate(state, req, req.params.tenant);
    authorize(ctx, "Staffing", "worker_public_reports");
    const q = new QueryReader(req.query);
    const limit = q.integer("limit", 20, 1, 100);
    const offset = q.integer("offset", 0, 0, Number.MAX_SAFE_INTEGER);
    const search = q.string("search")?.trim().toLowerCase();
    q.done();
    const directory = ctx.tenant.activity.directory;
    const matches = search ? directory.people.filter((p) => [p.fullName, p.email, p.username].some((v) => v.toLowerCase().includes(search))) : directory.people;
    const base = state.endpoints(ctx.tenant.name).restApiEndpoint;
    res.json({ data: matches.slice(offset, offset + limit).map((p) => workerSummary(p, directory, base)), total: matches.length });
  };
}

/** GET /ccx/api/v1/<tenant>/workers/<id> */
export function getWorker(state: SimState) {
  return (req: Request<{ tenant: string; id: string }>, res: Response): void => {
    const ctx = authenticate(state, req, req.params.tenant);
    authorize(ctx, "Staffing", "worker_public_reports");
    const directory = ctx.tenant.activity.directory;
    const person = directory.byId.get(req.params.id);
    if (!person) throw resourceNotFound();
    res.json(workerSummary(person, directory, state.endpoints(ctx.tenant.name).restApiEndpoint));
  };
}
