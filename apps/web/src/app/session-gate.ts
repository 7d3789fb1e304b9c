import { redirect, type ActionFunction, type LoaderFunction, type RouteObject } from "react-router";
import { paths } from "../config/paths";
import { SessionEndedError } from "../lib/api-client";

/** The page a request was for, so sign-in can come back to it (react-router's `?index` marker dropped). */
export function returnToOf(request: Request): string {
  const url = new URL(request.url);
  url.searchParams.delete("index");
  return `${url.pathname}${url.search}`;
}

export function signInRedirect(request: Request): Response {
  return redirect(paths.signIn.getHref(returnToOf(request)));
}

async function signedIn(request: Request, run: () => unknown): Promise<unknown> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof SessionEndedError) return signInRedirect(request);
    throw error;
  }
}

type Handlers = Pick<RouteObject, "loader" | "action">;

function gateHandlers<T extends Handlers>(route: T): T {
  const gated = { ...route };
  const { loader, action } = route;
  if (typeof loader === "function") gated.loader = ((args, ctx) => signedIn(args.request, () => loader(args, ctx))) satisfies LoaderFunction;
  if (typeof action === "function") gated.action = ((args, ctx) => signedIn(args.request, () => action(args, ctx))) satisfies ActionFunction;
  return gated;
}

function gateRoute(route: RouteObject): RouteObject {
  const gated = gateHandlers(route);
  // A lazy page brings its loader and action when first matched: they are gated as they arrive.
  const { lazy } = route;
  if (typeof lazy === "function") gated.lazy = async () => gateHandlers(await lazy());
  if (!gated.index && gated.children) gated.children = gated.children.map(gateRoute);
  return gated;
}

/**
 * Every loader and action in `routes` (and below, lazy ones included) sends the reader to sign-in when the BFF says the
 * session is missing or ended (a 401, thrown as `SessionEndedError`), with the page to return to.
 * Done once here, so no route can forget it and route code only handles the API's other answers.
 */
export function gate(routes: RouteObject[]): RouteObject[] {
  return routes.map(gateRoute);
}
