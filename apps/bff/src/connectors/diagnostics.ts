import { PREREQUISITES, TENANT_SETUP_STEPS, TROUBLESHOOTING, isReasonCode, verifySetup } from "@wc/workday";
import { loadConnector, type ConnectorDeps } from "./connectors";
import { toView } from "./connector-view";

/**
 * What support needs to answer "what is wrong and what must the customer do", built only from
 * the browser-safe connector view (which never holds a secret or token) and the timeline.
 */
export async function diagnosticsBundle(d: ConnectorDeps & { publicUrl: string }, id: string, version: string) {
  const c = await loadConnector(d, id);
  const view = toView(c, d.publicUrl);
  const reason = view.reasonCode && isReasonCode(view.reasonCode) ? view.reasonCode : null;
  return {
    kind: "workday-connect diagnostics",
    generatedAt: d.now().toISOString(),
    versions: { console: version, node: process.version },
    deployment: { publicUrl: d.publicUrl },
    connector: view,
    troubleshooting: reason ? { reasonCode: reason, ...TROUBLESHOOTING[reason] } : null,
    setup: setupReport(view),
    timeline: await d.store.listTimeline(c.id),
  };
}

/** Each prerequisite as the admin ticked it beside what the last checks proved, so support sees both. */
function setupReport(view: ReturnType<typeof toView>) {
  const proved = verifySetup(view.lastChecks);
  const rows = [
    ...PREREQUISITES.map((p) => ({ key: p.key, ticked: view.prerequisites[p.key] === true })),
    ...TENANT_SETUP_STEPS.map((s) => ({ key: s.key, ticked: view.tenantSetup[s.key] === true })),
  ];
  return rows.map((r) => ({ ...r, lastCheck: proved[r.key] ?? "not_checked" }));
}
