import { parseHostAllowList } from "@wc/workday";
import { useState } from "react";
import { Form, NavLink, Outlet, useLocation, useNavigation, useRouteLoaderData } from "react-router";
import { paths } from "../../config/paths";
import { getConfig } from "../../features/session/api/get-config";
import { getSession } from "../../features/session/api/get-session";
import { ROLE_NAMES } from "../../lib/labels";
import { signInRedirect } from "../session-gate";

export const ROOT_ROUTE_ID = "root";

/** Who is signed in and the deployment facts every page may need; read once per navigation tree. */
export async function rootLoader({ request }: { request: Request }) {
  const [session, config] = await Promise.all([getSession(request.signal), getConfig(request.signal)]);
  // The sign-in page tells a fresh install about the setup link, so nobody is sent to /setup without its token.
  if (!session.user) return signInRedirect(request);
  return { user: session.user, config, allow: parseHostAllowList(config.allowedWorkdayHosts) };
}

/** The root loader's data. Only used below the root route, where it always exists. */
export function useRootData() {
  const data = useRouteLoaderData<typeof rootLoader>(ROOT_ROUTE_ID);
  if (data === undefined) throw new Error("useRootData is used outside the root route.");
  return { ...data, canEdit: data.user.role === "admin" };
}

/**
 * Below ~720 px the navigation and Sign out fold behind a Menu button (styles.css, responsive
 * section); wider screens show them always and hide the button. The menu is open for the page it
 * was opened on only, so following one of its links closes it without an effect.
 */
function useMenu() {
  const { pathname } = useLocation();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  return { open, toggle: () => setOpenOn(open ? null : pathname) };
}

function TopBar() {
  const { user, canEdit } = useRootData();
  const navigation = useNavigation();
  const menu = useMenu();
  return (
    <header className="topbar">
      <span className="brand">workday-connect</span>
      {/* Outside the menu, so "Loading…" is announced while the menu is folded away. */}
      <span role="status" className="topbar-busy">
        {navigation.state === "loading" ? "Loading…" : ""}
      </span>
      <button type="button" className="topbar-menu-button button-small" aria-expanded={menu.open} aria-controls="topbar-menu" onClick={menu.toggle}>
        Menu
      </button>
      <div id="topbar-menu" className={menu.open ? "topbar-menu topbar-menu-open" : "topbar-menu"}>
        <nav aria-label="Main" className="topbar-nav">
          <NavLink to={paths.connectors.getHref()}>App Connectors</NavLink>
          <NavLink to={paths.activity.getHref()}>Activity</NavLink>
          <NavLink to={paths.alerts.getHref()}>Alerts</NavLink>
          <NavLink to={paths.policies.getHref()}>Policies</NavLink>
          {canEdit ? <NavLink to={paths.users.getHref()}>Users</NavLink> : null}
          {canEdit ? <NavLink to={paths.audit.getHref()}>Audit log</NavLink> : null}
          {canEdit ? <NavLink to={paths.apiTokens.getHref()}>API tokens</NavLink> : null}
          <NavLink to={paths.notifications.getHref()}>Notifications</NavLink>
          <NavLink to={paths.account.getHref()}>Account</NavLink>
        </nav>
        <div className="topbar-user">
          <p>
            Signed in as {user.name} <span className="role">{ROLE_NAMES[user.role]}</span>
          </p>
          <Form method="post" action={paths.signOut.getHref()}>
            <button type="submit" className="button-small">
              Sign out
            </button>
          </Form>
        </div>
      </div>
    </header>
  );
}

/** The first thing Tab reaches: past the navigation, straight to the page's content. */
function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

export function RootLayout() {
  return (
    <>
      <SkipLink />
      <TopBar />
      <Outlet />
    </>
  );
}

/** The pages outside the sign-in gate (sign-in, first-admin setup): the brand, no navigation. */
export function PublicLayout() {
  return (
    <>
      <SkipLink />
      <header className="topbar">
        <span className="brand">workday-connect</span>
      </header>
      <Outlet />
    </>
  );
}

export function RootFallback() {
  return <p className="page">Loading workday-connect…</p>;
}
