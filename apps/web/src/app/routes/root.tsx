import { parseHostAllowList } from "@wc/workday";
import { NavLink, Outlet, useNavigation, useRouteLoaderData } from "react-router";
import { paths } from "../../config/paths";
import { getConfig } from "../../features/session/api/get-config";
import { getSession } from "../../features/session/api/get-session";
import { ApiError } from "../../lib/api-client";

export const ROOT_ROUTE_ID = "root";

/** Who is signed in and the deployment facts every page may need; read once per navigation tree. */
export async function rootLoader({ request }: { request: Request }) {
  const [session, config] = await Promise.all([getSession(request.signal), getConfig(request.signal)]);
  // Sign-in lands with issue 5's web pages; until then the BFF always has a user here.
  if (!session.user) throw new ApiError({ code: "unauthenticated", status: 401, message: "Sign in to continue." });
  return { user: session.user, config, allow: parseHostAllowList(config.allowedWorkdayHosts) };
}

/** The root loader's data. Only used below the root route, where it always exists. */
export function useRootData() {
  const data = useRouteLoaderData<typeof rootLoader>(ROOT_ROUTE_ID);
  if (data === undefined) throw new Error("useRootData is used outside the root route.");
  return { ...data, canEdit: data.user.role === "admin" };
}

const ROLE_NAMES = { admin: "Admin", support: "Support (read-only)" } as const;

function TopBar() {
  const { user } = useRootData();
  const navigation = useNavigation();
  return (
    <header className="topbar">
      <span className="brand">workday-connect</span>
      <nav aria-label="Main">
        <NavLink to={paths.connectors.getHref()}>App Connectors</NavLink>
        <NavLink to={paths.activity.getHref()}>Activity</NavLink>
      </nav>
      <span role="status" className="topbar-busy">
        {navigation.state === "loading" ? "Loading…" : ""}
      </span>
      <p className="topbar-user">
        Signed in as {user.name} <span className="role">{ROLE_NAMES[user.role]}</span>
      </p>
    </header>
  );
}

export function RootLayout() {
  return (
    <>
      <TopBar />
      <Outlet />
    </>
  );
}

export function RootFallback() {
  return <p className="page">Loading workday-connect…</p>;
}
