import type { AlertView } from "@wc/contracts";

/** A connector and the policies as the alert pages name them; the routes load them. */
export interface NamedOption {
  id: string;
  name: string;
}

/** The connector's name (and tenant) when it still exists; its id once deleted. */
export function connectorText(connector: AlertView["connector"]): string {
  const name = connector.name ?? `Deleted connector ${connector.id}`;
  return connector.tenant ? `${name} (${connector.tenant})` : name;
}
