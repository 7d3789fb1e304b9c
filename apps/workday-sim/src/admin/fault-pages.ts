import { Router } from "express";
import { faultSchema, parseBody } from "../control/schemas";
import { html } from "../lib/html";
import { FAULT_KINDS, FAULT_ROUTES } from "../model/faults";
import type { SimState } from "../model/state";
import { formOf } from "./form";
import { adminPage, flashOf, select, textField } from "./layout";

const optionalInt = (value: string | undefined): number | undefined => (value === undefined ? undefined : Number(value));

/** Faults: list, add, clear. */
export function faultPages(state: SimState): Router {
  const router = Router();

  router.get("/faults", (req, res) => {
    const faults = state.faults.list();
    const tenants: [string, string][] = [["", "Any tenant"], ...[...state.tenants.keys()].map((t): [string, string] => [t, t])];
    const body = html`${
      faults.length === 0
        ? html`<p>No faults are active.</p>`
        : html`<table><thead><tr><th>Route</th><th>Kind</th><th>Remaining</th><th>Tenant</th><th>Details</th></tr></thead><tbody>${faults.map(
            (f) => html`<tr><td>${f.route}</td><td>${f.kind}</td><td>${f.remaining}</td><td>${f.tenant ?? "any"}</td>
<td>${f.status ?? ""}${f.latencyMs === undefined ? "" : ` ${f.latencyMs} ms`}${f.retryAfterSeconds === undefined ? "" : ` Retry-After ${f.retryAfterSeconds}`}</td></tr>`,
          )}</tbody></table>`
    }
<form method="post" action="/_sim/faults/clear"><button type="submit" class="danger">Clear All Faults</button></form>
<h2>Add Fault</h2>
<form method="post" action="/_sim/faults">
  ${select(
    "route",
    "Route",
    FAULT_ROUTES.map((r) => [r, r] as const),
    "token",
  )}
  ${select(
    "kind",
    "Kind",
    FAULT_KINDS.map((k) => [k, k] as const),
    "status",
  )}
  ${textField("count", "Count", "1", "number")}
  ${select("tenant", "Tenant", tenants, "")}
  ${textField("status", "Status", "503", "number")}
  ${textField("latencyMs", "Latency (ms)", "", "number")}
  ${textField("retryAfterSeconds", "Retry-After (seconds)", "", "number")}
  <button type="submit">Add Fault</button>
</form>`;
    res.type("html").send(adminPage("Faults", body, { flash: flashOf(req.query, { added: "Fault added.", cleared: "All faults cleared." }) }));
  });

  router.post("/faults", (req, res) => {
    const form = formOf(req.body);
    const kind = form.text("kind");
    const spec = parseBody(faultSchema, {
      route: form.text("route"),
      kind,
      count: optionalInt(form.optionalText("count")) ?? 1,
      ...(form.optionalText("tenant") ? { tenant: form.optionalText("tenant") } : {}),
      ...(kind === "status" ? { status: optionalInt(form.optionalText("status")) ?? 500 } : {}),
      ...(kind === "latency" ? { latencyMs: optionalInt(form.optionalText("latencyMs")) } : {}),
      ...(kind === "rate_limit" ? { retryAfterSeconds: optionalInt(form.optionalText("retryAfterSeconds")) ?? 1 } : {}),
    });
    state.faults.add(spec);
    res.redirect(303, "/_sim/faults?done=added");
  });
  router.post("/faults/clear", (_req, res) => {
    state.faults.clear();
    res.redirect(303, "/_sim/faults?done=cleared");
  });

  return router;
}
