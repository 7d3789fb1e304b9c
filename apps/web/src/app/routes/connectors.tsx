import { CONNECTOR_STATUSES } from "@wc/workday";
import { CONNECTOR_PAGE_DEFAULT, STATUS_LABELS, type ConnectorStatus, type ListConnectorsResponse } from "@wc/contracts";
import { useLayoutEffect, useRef } from "react";
import { Link, useActionData, useLoaderData, useLocation, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ProblemMessage } from "../../components/ui/problem-message";
import { deleteConnector } from "../../features/connectors/api/delete-connector";
import { getConnectors } from "../../features/connectors/api/get-connectors";
import { ConnectAppChooser } from "../../features/connectors/components/connect-app-chooser";
import { ConnectorSearchForm } from "../../features/connectors/components/connector-search-form";
import { ConnectorsPaging, FOCUS_LIST, pageOf } from "../../features/connectors/components/connectors-paging";
import { ConnectorsTable } from "../../features/connectors/components/connectors-table";
import { StatusCounts } from "../../features/connectors/components/status-counts";
import {
  connectorsHref,
  listQuery,
  loadConnectorsPage,
  readConnectorSearch,
  statusesOf,
  type ConnectorSearch,
} from "../../features/connectors/connector-search";
import { ApiError } from "../../lib/api-client";
import { formatCount } from "../../lib/numbers";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

export async function connectorsLoader({ request }: LoaderFunctionArgs) {
  const search = readConnectorSearch(new URL(request.url).searchParams);
  return { search, result: await loadConnectorsPage(getConnectors(listQuery(search), request.signal)) };
}

/** Discarding an unfinished setup from the list. */
export async function connectorsAction({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const id = form.get("id");
  if (form.get("intent") !== "discard" || typeof id !== "string") throw new Error("The connectors list only knows the discard action.");
  try {
    await deleteConnector(id);
    return { error: null };
  } catch (error) {
    if (error instanceof ApiError) return { error: { message: error.message, requestId: error.requestId } };
    throw error;
  }
}

/** The messages the search form does not show by its fields (status, sort, cursor…), said once above the list. */
const notInForm = (fields: Readonly<Record<string, string>>) =>
  Object.entries(fields)
    .filter(([key]) => key !== "q" && key !== "environment")
    .map(([, message]) => message);

const connectorsWord = (n: number) => `${formatCount(n)} ${n === 1 ? "connector" : "connectors"}`;

/** "Page 2 of 10: connectors 51–100 of 500". The page's own count of steps; it trails connectors added or removed meanwhile. */
function summaryOf(list: ListConnectorsResponse, search: ConnectorSearch): string {
  if (list.prevCursor === null && list.nextCursor === null) return connectorsWord(list.total);
  const page = pageOf(list, search);
  const pages = Math.max(page, Math.ceil(list.total / CONNECTOR_PAGE_DEFAULT));
  const from = (page - 1) * CONNECTOR_PAGE_DEFAULT + 1;
  return `Page ${page} of ${formatCount(pages)}: connectors ${formatCount(from)}–${formatCount(from + list.connectors.length - 1)} of ${formatCount(list.total)}`;
}

/** Says what to try when nothing matches: the filter's own words, and the way back to every connector. */
function NoMatch({ search }: { search: ConnectorSearch }) {
  const statuses = [...statusesOf(search)].filter((s): s is ConnectorStatus => (CONNECTOR_STATUSES as readonly string[]).includes(s));
  const only = statuses.length > 0 && search.q === null && search.environment === null;
  return (
    <p>
      {only ? `No connectors have the status ${statuses.map((s) => STATUS_LABELS[s]).join(" or ")}.` : "No connectors match these filters."}{" "}
      <Link to={connectorsHref(search, { status: null, q: null, environment: null })}>Show every connector</Link>
    </p>
  );
}

export function ConnectorsRoute() {
  const { search, result } = useLoaderData<typeof connectorsLoader>();
  const outcome = useActionData<typeof connectorsAction>();
  const { canEdit } = useRootData();
  const location = useLocation();
  const summary = useRef<HTMLParagraphElement>(null);
  const pagedTo = (location.state as typeof FOCUS_LIST | null)?.focus === FOCUS_LIST.focus ? location.key : null;
  // After Previous or Next the link that was pressed may be gone (first or last page): the summary, which names the page, takes focus.
  useLayoutEffect(() => {
    if (pagedTo !== null) summary.current?.focus();
  }, [pagedTo]);
  const list = result.kind === "list" ? result.list : null;
  const empty = list !== null && CONNECTOR_STATUSES.every((s) => list.counts[s] === 0);
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"App Connectors"} />
      <div className="page-header">
        <h1>App Connectors</h1>
        {canEdit ? <ConnectAppChooser /> : null}
      </div>
      {outcome?.error ? <ProblemMessage message={outcome.error.message} requestId={outcome.error.requestId} /> : null}
      {empty ? (
        <p>No apps are connected yet. {canEdit ? "Select Connect an app, then Workday, to start." : "An admin connects Workday with Connect an app."}</p>
      ) : (
        <>
          {list ? <StatusCounts counts={list.counts} search={search} /> : null}
          <ConnectorSearchForm search={search} errors={result.kind === "invalid" ? result.fields : {}} />
          {result.kind === "invalid" ? (
            <>
              <ProblemMessage message={[result.message, ...notInForm(result.fields)].join(" ")} requestId={result.requestId} />
              <p>
                <Link to={connectorsHref(search, { status: null, q: null, environment: null, sort: "name", order: "asc" })}>Show every connector</Link>
              </p>
            </>
          ) : (
            <>
              <p className="list-count" ref={summary} tabIndex={-1}>
                {summaryOf(result.list, search)}
              </p>
              {result.list.connectors.length === 0 ? (
                <NoMatch search={search} />
              ) : (
                <ConnectorsTable connectors={result.list.connectors} canEdit={canEdit} search={search} />
              )}
              <ConnectorsPaging list={result.list} search={search} />
            </>
          )}
        </>
      )}
    </main>
  );
}
