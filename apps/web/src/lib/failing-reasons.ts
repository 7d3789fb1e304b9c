import type { Connector } from "@wc/contracts";

/**
 * Every reason the connector is not connected, once each: the status's own reason first, then
 * each failed check of the last run. So two missing permissions show together, and nothing older
 * than the last run shows (the status's reason is rewritten by every run and sync).
 */
export function failingReasons(connector: Pick<Connector, "status" | "reasonCode" | "lastChecks">): string[] {
  if (connector.status === "connected") return [];
  const codes = new Set<string>();
  if (connector.reasonCode) codes.add(connector.reasonCode);
  for (const check of connector.lastChecks ?? []) {
    if (!check.ok && !check.skipped && check.reasonCode) codes.add(check.reasonCode);
  }
  return [...codes];
}
