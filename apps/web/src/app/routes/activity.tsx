import { routes } from "@wc/contracts";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { paths } from "../../config/paths";
import { getActivity } from "../../features/activity/api/get-activity";
import { getConnectorActivity } from "../../features/activity/api/get-connector-activity";
import { listQuery, loadActivityPage, readActivitySearch } from "../../features/activity/activity-search";
import { ActivityPage } from "../../features/activity/components/activity-page";
import { getConnector } from "../../features/connectors/api/get-connector";
import { getConnectorNames } from "../../features/connectors/api/get-connector-names";
import { requireId } from "./params";

/** `/activity`: every connector's activity; the connectors list names the Connector filter and column. */
export async function activityLoader({ request }: LoaderFunctionArgs) {
  const search = readActivitySearch(new URL(request.url).searchParams, "all");
  const [connectors, result] = await Promise.all([getConnectorNames(request.signal), loadActivityPage(getActivity(listQuery(search), request.signal))]);
  return { search, result, connectors };
}

/** `/connectors/:id/activity`: one connector's activity. */
export async function connectorActivityLoader({ params, request }: LoaderFunctionArgs) {
  const id = requireId(params);
  const search = readActivitySearch(new URL(request.url).searchParams, "connector");
  const [{ connector }, result] = await Promise.all([
    getConnector(id, request.signal),
    loadActivityPage(getConnectorActivity(id, listQuery(search), request.signal)),
  ]);
  return { search, result, connector: { id: connector.id, name: connector.name } };
}

export function ActivityRoute() {
  const { search, result, connectors } = useLoaderData<typeof activityLoader>();
  return (
    <ActivityPage
      heading={<h1>Activity</h1>}
      title="Activity"
      search={search}
      result={result}
      listPath={paths.activity.getHref()}
      exportPath={routes.activityExport}
      connectors={connectors}
    />
  );
}

export function ConnectorActivityRoute() {
  const { search, result, connector } = useLoaderData<typeof connectorActivityLoader>();
  const heading = (
    <div className="page-header">
      <h1>Activity: {connector.name}</h1>
      <Link to={paths.connector.getHref(connector.id)}>Back to {connector.name}</Link>
    </div>
  );
  return (
    <ActivityPage
      heading={heading}
      title={`Activity: ${connector.name}`}
      search={search}
      result={result}
      listPath={paths.connectorActivity.getHref(connector.id)}
      exportPath={routes.connectorActivityExport(connector.id)}
    />
  );
}
