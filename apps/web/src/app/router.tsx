import { createBrowserRouter, redirect, type RouteObject } from "react-router";
import { paths } from "../config/paths";
import { ConsentComplete } from "../features/consent/components/consent-complete";
import { HandoffComplete } from "../features/handoff/components/handoff-complete";
import { handoffAction, handoffLoader, HandoffRoute, handoffShouldRevalidate } from "./routes/handoff";
import { accountAction, AccountRoute } from "./routes/account";
import { apiTokensAction, apiTokensLoader, ApiTokensRoute } from "./routes/api-tokens";
import { auditLoader, AuditRoute } from "./routes/audit";
import { activityLoader, ActivityRoute, connectorActivityLoader, ConnectorActivityRoute } from "./routes/activity";
import { connectorAction, connectorLoader, ConnectorRoute } from "./routes/connector";
import { connectorsAction, connectorsLoader, ConnectorsRoute } from "./routes/connectors";
import { newConnectorAction, NewConnectorRoute } from "./routes/new-connector";
import { NotFound } from "./routes/not-found";
import {
  notificationChannelAction,
  notificationChannelLoader,
  NotificationChannelRoute,
  notificationsAction,
  notificationsLoader,
  NotificationsRoute,
} from "./routes/notifications";
import { PublicLayout, ROOT_ROUTE_ID, rootLoader, RootFallback, RootLayout } from "./routes/root";
import { RouteError } from "./routes/route-error";
import { setupAction, setupLoader, SetupRoute } from "./routes/setup";
import { signInAction, signInLoader, SignInRoute } from "./routes/sign-in";
import { signOutAction, signOutLoader } from "./routes/sign-out";
import { usersAction, usersLoader, UsersRoute } from "./routes/users";
import { wizardAction, wizardLoader, WizardRoute } from "./routes/wizard";
import { gate } from "./session-gate";

export const routeObjects: RouteObject[] = [
  // The consent pop-up lands here: no session or config to load, it only tells its opener.
  { path: paths.consentComplete.path, Component: ConsentComplete },
  // The hand-off page's consent pop-up (or full-page redirect) lands here, with no session.
  { path: paths.handoffComplete.path, Component: HandoffComplete },
  // Outside the sign-in gate: signing in, first-admin setup, signing out.
  {
    Component: PublicLayout,
    HydrateFallback: RootFallback,
    ErrorBoundary: RouteError,
    children: [
      { path: paths.signIn.path, loader: signInLoader, action: signInAction, Component: SignInRoute },
      { path: paths.setup.path, loader: setupLoader, action: setupAction, Component: SetupRoute },
      { path: paths.signOut.path, loader: signOutLoader, action: signOutAction },
      // Opened by a hand-off link's token, never by a session: no sign-in redirect, no console navigation.
      { path: paths.handoff.path, loader: handoffLoader, action: handoffAction, shouldRevalidate: handoffShouldRevalidate, Component: HandoffRoute },
    ],
  },
  ...gate([
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
            { path: paths.users.path, loader: usersLoader, action: usersAction, Component: UsersRoute },
            { path: paths.apiTokens.path, loader: apiTokensLoader, action: apiTokensAction, Component: ApiTokensRoute },
            { path: paths.audit.path, loader: auditLoader, Component: AuditRoute },
            { path: paths.notifications.path, loader: notificationsLoader, action: notificationsAction, Component: NotificationsRoute },
            { path: paths.notificationChannel.path, loader: notificationChannelLoader, action: notificationChannelAction, Component: NotificationChannelRoute },
            { path: paths.account.path, action: accountAction, Component: AccountRoute },
            { path: paths.connectorActivity.path, loader: connectorActivityLoader, Component: ConnectorActivityRoute },
            { path: paths.activity.path, loader: activityLoader, Component: ActivityRoute },
            { path: "*", Component: NotFound },
          ],
        },
      ],
    },
  ]),
];

export function createAppRouter() {
  return createBrowserRouter(routeObjects);
}
