import { createBrowserRouter, redirect, type RouteObject } from "react-router";
import { paths } from "../config/paths";
import { ConsentComplete } from "../features/consent/components/consent-complete";
import { activityLoader, ActivityRoute, connectorActivityLoader, ConnectorActivityRoute } from "./routes/activity";
import { connectorAction, connectorLoader, ConnectorRoute } from "./routes/connector";
import { connectorsAction, connectorsLoader, ConnectorsRoute } from "./routes/connectors";
import { newConnectorAction, NewConnectorRoute } from "./routes/new-connector";
import { NotFound } from "./routes/not-found";
import { ROOT_ROUTE_ID, rootLoader, RootFallback, RootLayout } from "./routes/root";
import { RouteError } from "./routes/route-error";
import { wizardAction, wizardLoader, WizardRoute } from "./routes/wizard";

export const routeObjects: RouteObject[] = [
  // The consent pop-up lands here: no session or config to load, it only tells its opener.
  { path: paths.consentComplete.path, Component: ConsentComplete },
  {
    id: ROOT_ROUTE_ID,
    path: paths.home.path,
    loader: rootLoader,
    Component: RootLayout,
    HydrateFallback: RootFallback,
    ErrorBoundary: RouteError,
    children: [
      {
        // Errors below the root keep the top bar.
        ErrorBoundary: RouteError,
        children: [
          { index: true, loader: () => redirect(paths.connectors.getHref()) },
          { path: paths.connectors.path, loader: connectorsLoader, action: connectorsAction, Component: ConnectorsRoute },
          { path: paths.newConnector.path, action: newConnectorAction, Component: NewConnectorRoute },
          { path: paths.connector.path, loader: connectorLoader, action: connectorAction, Component: ConnectorRoute },
          { path: paths.wizard.path, loader: wizardLoader, action: wizardAction, Component: WizardRoute },
          { path: paths.connectorActivity.path, loader: connectorActivityLoader, Component: ConnectorActivityRoute },
          { path: paths.activity.path, loader: activityLoader, Component: ActivityRoute },
          { path: "*", Component: NotFound },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routeObjects);
}
