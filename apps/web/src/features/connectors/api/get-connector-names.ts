import { CONNECTOR_PAGE_MAX } from "@wc/contracts";
import { getConnectors } from "./get-connectors";

export interface ConnectorName {
  id: string;
  name: string;
}

/** A console of a million connectors; far past any real one, so a server that never ends its list cannot hold the page forever. */
const MAX_PAGES = 5000;

/**
 * Every connector's id and name, by name: the pickers that offer any connector (a channel's
 * connectors, the activity Connector filter) and the texts that name them by id. Read page by
 * page at the largest page size, so none is left out however many there are.
 */
export async function getConnectorNames(signal?: AbortSignal): Promise<ConnectorName[]> {
  const names: ConnectorName[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ limit: String(CONNECTOR_PAGE_MAX), sort: "name" });
    if (cursor !== null) query.set("cursor", cursor);
    const list = await getConnectors(query, signal);
    names.push(...list.connectors.map(({ id, name }) => ({ id, name })));
    if (list.nextCursor === null) return names;
    cursor = list.nextCursor;
  }
  throw new Error("The connectors list did not end; the console may be misbehaving.");
}
