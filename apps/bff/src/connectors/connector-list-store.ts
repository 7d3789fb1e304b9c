import type { ConnectorNameEntry, ConnectorSort, ConnectorStatus, ConnectorSummary, Environment } from "@wc/contracts";

export interface ConnectorListFilter {
  statuses?: readonly ConnectorStatus[];
  environment?: Environment;
  /** Part of the name or the tenant, in any case. */
  search?: string;
}

/** A row's place in a sort: the values of that sort's key columns (connector-list-sql.ts), last the id. */
export type ConnectorPosition = readonly (string | number)[];

export interface ConnectorPageQuery {
  filter: ConnectorListFilter;
  sort: ConnectorSort;
  order: "asc" | "desc";
  limit: number;
  /** Only the rows after this place in the order. */
  after?: ConnectorPosition;
}

export interface ConnectorListRow {
  summary: ConnectorSummary;
  position: ConnectorPosition;
}

/** The connectors list: pages by keyset, reading only the columns the list shows. */
export interface ConnectorListStore {
  listConnectorPage(q: ConnectorPageQuery): Promise<ConnectorListRow[]>;
  countConnectors(filter: ConnectorListFilter): Promise<number>;
  /** Every connector's id and name, by name (name_key), then id. */
  listConnectorNames(): Promise<ConnectorNameEntry[]>;
}
