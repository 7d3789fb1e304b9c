import { createBrowserRouter, redirect, type RouteObject } from "react-router";
import { paths } from "../config/paths";
import { NotFound } from "./routes/not-found";
import { PublicLayout, ROOT_ROUTE_ID, rootLoader, RootFallback, RootLayout } from "./routes/root";
import { RouteError } from "./routes/route-error";
import { gate } from "./session-gate";

type RouteParts = Pick<RouteObject, "loader" | "action" | "Component" | "shouldRevalidate">;

/**
 * A page whose code (component, loader, action) is a chunk of its own, fetched the first time the
 * route matches: the first load carries only the page it opens, not the whole console.
 */
function page<M>(load: () => Promise<M>, parts: (module: M) => RouteParts): () => Promise<RouteParts> {
  return async () => parts(await load());
}

export const routeObjects: RouteObject[] = [
  // The consent pop-up lands here: no session or config to load, it only tells its opener.
  {
    path: paths.consentComplete.path,
    HydrateFallback: RootFallback,
    lazy: page(
      () => import("../features/consent/components/consent-complete"),
      (m) => ({ Component: m.ConsentComplete }),
    ),
  },
  // The hand-off page's consent pop-up (or full-page redirect) lands here, with no session.
  {
    path: paths.handoffComplete.path,
    HydrateFallback: RootFallback,
    lazy: page(
      () => import("../features/handoff/components/handoff-complete"),
      (m) => ({ Component: m.HandoffComplete }),
    ),
  },
  // Outside the sign-in gate: signing in, first-admin setup, signing out.
  {
    Component: PublicLayout,
    HydrateFallback: RootFallback,
    ErrorBoundary: RouteError,
    children: [
      {
        path: paths.signIn.path,
        lazy: page(
          () => import("./routes/sign-in"),
          (m) => ({ loader: m.signInLoader, action: m.signInAction, Component: m.SignInRoute }),
        ),
      },
      {
        path: paths.setup.path,
        lazy: page(
          () => import("./routes/setup"),
          (m) => ({ loader: m.setupLoader, action: m.setupAction, Component: m.SetupRoute }),
        ),
      },
      {
        path: paths.signOut.path,
        lazy: page(
          () => import("./routes/sign-out"),
          (m) => ({ loader: m.signOutLoader, action: m.signOutAction }),
        ),
      },
      // Opened by a hand-off link's token, never by a session: no sign-in redirect, no console navigation.
      {
        path: paths.handoff.path,
        lazy: page(
          () => import("./routes/handoff"),
          (m) => ({ loader: m.handoffLoader, action: m.handoffAction, shouldRevalidate: m.handoffShouldRevalidate, Component: m.HandoffRoute }),
        ),
      },
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
            {
              path: paths.connectors.path,
              lazy: page(
                () => import("./routes/connectors"),
                (m) => ({ loader: m.connectorsLoader, action: m.connectorsAction, Component: m.ConnectorsRoute }),
              ),
            },
            {
              path: paths.newConnector.path,
              lazy: page(
                () => import("./routes/new-connector"),
                (m) => ({ action: m.newConnectorAction, Component: m.NewConnectorRoute }),
              ),
            },
            {
              path: paths.connector.path,
              lazy: page(
                () => import("./routes/connector"),
                (m) => ({ loader: m.connectorLoader, action: m.connectorAction, Component: m.ConnectorRoute }),
              ),
            },
            {
              path: paths.wizard.path,
              lazy: page(
                () => import("./routes/wizard"),
                (m) => ({ loader: m.wizardLoader, action: m.wizardAction, Component: m.WizardRoute }),
              ),
            },
            {
              path: paths.users.path,
              lazy: page(
                () => import("./routes/users"),
                (m) => ({ loader: m.usersLoader, action: m.usersAction, Component: m.UsersRoute }),
              ),
            },
            {
              path: paths.apiTokens.path,
              lazy: page(
                () => import("./routes/api-tokens"),
                (m) => ({ loader: m.apiTokensLoader, action: m.apiTokensAction, Component: m.ApiTokensRoute }),
              ),
            },
            {
              path: paths.audit.path,
              lazy: page(
                () => import("./routes/audit"),
                (m) => ({ loader: m.auditLoader, Component: m.AuditRoute }),
              ),
            },
            {
              path: paths.notifications.path,
              lazy: page(
                () => import("./routes/notifications"),
                (m) => ({ loader: m.notificationsLoader, action: m.notificationsAction, Component: m.NotificationsRoute }),
              ),
            },
            {
              path: paths.notificationChannel.path,
              lazy: page(
                () => import("./routes/notifications"),
                (m) => ({ loader: m.notificationChannelLoader, action: m.notificationChannelAction, Component: m.NotificationChannelRoute }),
              ),
            },
            {
              path: paths.policies.path,
              lazy: page(
                () => import("./routes/policies"),
                (m) => ({ loader: m.policiesLoader, Component: m.PoliciesRoute }),
              ),
            },
            {
              path: paths.newPolicy.path,
              lazy: page(
                () => import("./routes/policies"),
                (m) => ({ loader: m.newPolicyLoader, action: m.newPolicyAction, Component: m.NewPolicyRoute }),
              ),
            },
            {
              path: paths.policy.path,
              lazy: page(
                () => import("./routes/policies"),
                (m) => ({
                  loader: m.editPolicyLoader,
                  action: m.editPolicyAction,
                  shouldRevalidate: m.editPolicyShouldRevalidate,
                  Component: m.EditPolicyRoute,
                }),
              ),
            },
            {
              path: paths.alerts.path,
              lazy: page(
                () => import("./routes/alerts"),
                (m) => ({ loader: m.alertsLoader, action: m.alertsAction, Component: m.AlertsRoute }),
              ),
            },
            {
              path: paths.alert.path,
              lazy: page(
                () => import("./routes/alerts"),
                (m) => ({ loader: m.alertLoader, action: m.alertAction, Component: m.AlertRoute }),
              ),
            },
            {
              path: paths.account.path,
              lazy: page(
                () => import("./routes/account"),
                (m) => ({ action: m.accountAction, Component: m.AccountRoute }),
              ),
            },
            {
              path: paths.connectorActivity.path,
              lazy: page(
                () => import("./routes/activity"),
                (m) => ({ loader: m.connectorActivityLoader, Component: m.ConnectorActivityRoute }),
              ),
            },
            {
              path: paths.activity.path,
              lazy: page(
                () => import("./routes/activity"),
                (m) => ({ loader: m.activityLoader, Component: m.ActivityRoute }),
              ),
            },
            // The error boundary shows it too, so it is in the first chunk anyway.
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
