import type { AlertView } from "@wc/contracts";
import { setParams } from "../../lib/search-params";

const SECOND = 1000;

/**
 * The Activity page's query for an alert's rows: its connector, account and time range. Activity's
 * `to` is exclusive, and its time filters hold whole seconds (datetime-local), so `to` is the
 * second after the last row's: lastRowAt + 1 ms, rounded up to the second so none is cut off.
 */
export function activityQuery(alert: Pick<AlertView, "connector" | "account" | "firstRowAt" | "lastRowAt">): string {
  const first = Math.floor(Date.parse(alert.firstRowAt) / SECOND) * SECOND;
  const last = Date.parse(alert.lastRowAt) + 1;
  const to = Math.ceil(last / SECOND) * SECOND;
  return setParams([
    ["connectorId", alert.connector.id],
    ["account", alert.account],
    ["from", new Date(first).toISOString()],
    ["to", new Date(to).toISOString()],
  ]).toString();
}
