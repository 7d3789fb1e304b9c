import { TROUBLESHOOTING, isReasonCode } from "@wc/workday";
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
    timeline: await d.store.listTimeline(c.id),
  };
}
