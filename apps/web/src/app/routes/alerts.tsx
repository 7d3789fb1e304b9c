import { Link, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { PageTitle } from "../../components/ui/page-title";
import { ProblemMessage } from "../../components/ui/problem-message";
import { paths } from "../../config/paths";
import { getAlert } from "../../features/alerts/api/get-alert";
import { getAlerts } from "../../features/alerts/api/get-alerts";
import { activityQuery } from "../../features/alerts/activity-link";
import { performBulkAlertIntent } from "../../features/alerts/alert-bulk-intent";
import { performAlertIntent } from "../../features/alerts/alert-intents";
import { alertsQuery, loadAlertsPage, readAlertSearch } from "../../features/alerts/alert-search";
import { AlertBulkForm } from "../../features/alerts/components/alert-bulk-form";
import { AlertFacts } from "../../features/alerts/components/alert-facts";
import { AlertFilters } from "../../features/alerts/components/alert-filters";
import { AlertRowsTable } from "../../features/alerts/components/alert-rows-table";
import { AlertStatusCounts } from "../../features/alerts/components/alert-status-counts";
import { AlertStatusForms } from "../../features/alerts/components/alert-status-forms";
import { AlertsPaging } from "../../features/alerts/components/alerts-paging";
import { AlertsTable } from "../../features/alerts/components/alerts-table";
import { getConnectorNames } from "../../features/connectors/api/get-connector-names";
import { getPolicies } from "../../features/policies/api/get-policies";
import { formatCount } from "../../lib/numbers";
import { requireId } from "./params";
import { useRootData } from "./root";

/** `/alerts`: the filters and cursors are in the URL; the policies and connectors name the filters' choices. */
export async function alertsLoader({ request }: LoaderFunctionArgs) {
  const search = readAlertSearch(new URL(request.url).searchParams);
  const [{ policies }, connectors, result] = await Promise.all([
    getPolicies(request.signal),
    getConnectorNames(request.signal),
    loadAlertsPage(getAlerts(alertsQuery(search), request.signal)),
  ]);
  return { search, result, connectors, policies: policies.map(({ id, name }) => ({ id, name })) };
}

function NoAlerts({ filtered }: { filtered: boolean }) {
  if (filtered) return <p>No alerts match these filters.</p>;
  return (
    <p>
      No alerts yet. They are raised when stored activity matches a <Link to={paths.policies.getHref()}>policy</Link>.
    </p>
  );
}

/** Admins: Resolve, Dismiss or Reopen every alert the list's filters match. */
export async function alertsAction({ request }: ActionFunctionArgs) {
  return performBulkAlertIntent(await request.formData());
}

/** The alerts the policies raised, newest first; admins may change all the filters match at once. */
export function AlertsRoute() {
  const { search, result, connectors, policies } = useLoaderData<typeof alertsLoader>();
  const changed = useActionData<typeof alertsAction>();
  const { canEdit } = useRootData();
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title="Alerts" />
      <h1>Alerts</h1>
      <AlertFilters values={search.values} policies={policies} connectors={connectors} />
      {result.kind === "invalid" ? (
        <ProblemMessage message={result.message} requestId={result.requestId} />
      ) : (
        <>
          <AlertStatusCounts counts={result.list.counts} search={search} />
          {canEdit ? <AlertBulkForm counts={result.list.counts} values={search.values} result={changed} /> : null}
          {result.list.alerts.length === 0 ? <NoAlerts filtered={Object.keys(search.values).length > 0} /> : <AlertsTable alerts={result.list.alerts} />}
          <AlertsPaging search={search} nextCursor={result.list.nextCursor} />
        </>
      )}
    </main>
  );
}

export async function alertLoader({ params, request }: LoaderFunctionArgs) {
  return { alert: await getAlert(requireId(params, "alert"), request.signal) };
}

export async function alertAction({ params, request }: ActionFunctionArgs) {
  return performAlertIntent(await request.formData(), requireId(params, "alert"));
}

/** One alert: its facts, the rows that matched, and for admins Resolve, Dismiss or Reopen. */
export function AlertRoute() {
  const { alert } = useLoaderData<typeof alertLoader>();
  const result = useActionData<typeof alertAction>();
  const { canEdit } = useRootData();
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={`Alert: ${alert.policyName}`} />
      <div className="page-header">
        <h1>Alert: {alert.policyName}</h1>
        <Link to={paths.alerts.getHref()}>Back to Alerts</Link>
      </div>
      <section aria-labelledby="alert-heading">
        <h2 id="alert-heading" className="visually-hidden">
          Alert
        </h2>
        <AlertFacts alert={alert} />
      </section>
      {canEdit ? <AlertStatusForms alert={alert} result={result} /> : null}
      <section aria-labelledby="rows-heading">
        <div className="list-header">
          <h2 id="rows-heading">Matching rows</h2>
          <Link to={paths.activity.getHref(activityQuery(alert))}>Open in Activity</Link>
        </div>
        {alert.moreRows ? (
          <p className="muted">
            The alert holds {formatCount(alert.rowCount)} rows; the first {formatCount(alert.rows.length)} are listed here. Open in Activity lists them all.
          </p>
        ) : null}
        <AlertRowsTable rows={alert.rows} />
      </section>
    </main>
  );
}
