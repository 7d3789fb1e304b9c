import type { ReactNode } from "react";
import { ProblemMessage } from "../../../components/ui/problem-message";
import { formatRows } from "../../../lib/numbers";
import { FILTER_NAMES, type ActivityResult, type ActivitySearch, type FilterName } from "../activity-search";
import { ActivityFilters, type ConnectorOption } from "./activity-filters";
import { ActivityPaging } from "./activity-paging";
import { ActivityTable } from "./activity-table";
import { ExportLinks } from "./export-links";
import { PageTitle } from "../../../components/ui/page-title";

interface Props {
  heading: ReactNode;
  /** The page's title (the tab, and what screen readers announce). */
  title: string;
  search: ActivitySearch;
  result: ActivityResult;
  /** This page's path (the filters' form and the paging links go here). */
  listPath: string;
  /** The matching export route. */
  exportPath: string;
  /** Across connectors: the Connector filter and column. */
  connectors?: readonly ConnectorOption[] | undefined;
}

const isFilter = (key: string): key is FilterName => FILTER_NAMES.some((name) => name === key);

/** Messages the filters cannot show (page, cursor…), said once above the list. */
function otherMessages(fields: Readonly<Record<string, string>>, shown: readonly FilterName[]) {
  return Object.entries(fields)
    .filter(([key]) => !(isFilter(key) && shown.includes(key)))
    .map(([, message]) => message);
}

/** An empty list says what to try: widen the filters, or wait for a connected connector's sync. */
function NoActivity({ filtered }: { filtered: boolean }) {
  if (filtered) return <p>No activity matches these filters. Try a wider date range or clear the account filter.</p>;
  return <p>No activity stored yet. It arrives with each sync once a connector is connected; the connector's page shows the sync's progress.</p>;
}

/** The filtered, paged list of activity rows with its exports. */
export function ActivityPage({ heading, title, search, result, listPath, exportPath, connectors }: Props) {
  const shown = FILTER_NAMES.filter((name) => connectors !== undefined || name !== "connectorId");
  const errors = result.kind === "invalid" ? result.fields : {};
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={title} />
      {heading}
      <ActivityFilters values={search.values} errors={errors} listPath={listPath} connectors={connectors} />
      {result.kind === "invalid" ? (
        <ProblemMessage message={[result.message, ...otherMessages(result.fields, shown)].join(" ")} requestId={result.requestId} />
      ) : (
        <>
          <div className="list-header">
            <p className="list-count">{formatRows(result.list.total)}</p>
            <ExportLinks exportPath={exportPath} search={search} />
          </div>
          {result.list.rows.length === 0 ? (
            <NoActivity filtered={Object.keys(search.values).length > 0} />
          ) : (
            <ActivityTable rows={result.list.rows} connectors={connectors} />
          )}
          <ActivityPaging list={result.list} search={search} listPath={listPath} />
        </>
      )}
    </main>
  );
}
