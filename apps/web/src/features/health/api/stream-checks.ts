import { checkStreamLineSchema, routes, type CheckStreamLine } from "@wc/contracts";
import { postNdjson } from "../../../lib/ndjson-stream";

/** Runs the health checks now and hands on each line as the BFF streams it (a check, then done or error). */
export function streamChecks(id: string, onLine: (line: CheckStreamLine) => void, signal?: AbortSignal) {
  return postNdjson(routes.connectorChecks(id), checkStreamLineSchema, onLine, signal);
}
