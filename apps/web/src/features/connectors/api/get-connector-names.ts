import { connectorNamesResponseSchema, routes, type ConnectorNameEntry } from "@wc/contracts";
import { apiClient } from "../../../lib/api-client";

export type ConnectorName = ConnectorNameEntry;

/**
 * Every connector's id and name, by name: the pickers that offer any connector (a channel's
 * connectors, the activity Connector filter) and the texts that name them by id. One request
 * however many there are (GET /api/connector-names), where reading the list took one per 200.
 */
export async function getConnectorNames(signal?: AbortSignal): Promise<ConnectorName[]> {
  return (await apiClient.get(routes.connectorNames, connectorNamesResponseSchema, signal)).connectors;
}
