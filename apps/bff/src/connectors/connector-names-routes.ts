import { Router } from "express";
import { connectorNamesQuerySchema, type ConnectorNameEntry, type ConnectorNamesResponse } from "@wc/contracts";
import { parseQuery } from "../platform/http/validate";
import { keptCompression } from "../platform/http/kept-compression";
import { requireSupport } from "../auth";
import type { Store } from "../store/types";

/**
 * `GET /api/connector-names`: every connector's id and name in one answer, for the pickers on the
 * activity, alerts, policies and notifications pages. The list read is shared between requests
 * until a connector changes (store/connector-read-cache.ts), and the JSON and its compressed bytes
 * are kept with it: at 10,000 connectors the answer is ~400 KB before compression.
 */
export function connectorNamesRouter(d: { store: Pick<Store, "listConnectorNames"> }) {
  const r = Router();
  const sendKept = keptCompression(4);
  const json = new WeakMap<ConnectorNameEntry[], string>();
  r.get("/", requireSupport, async (req, res) => {
    parseQuery(connectorNamesQuerySchema, req);
    const names = await d.store.listConnectorNames();
    let body = json.get(names);
    if (body === undefined) {
      const answer: ConnectorNamesResponse = { connectors: names };
      body = JSON.stringify(answer);
      json.set(names, body);
    }
    sendKept(req, res, body);
  });
  return r;
}
