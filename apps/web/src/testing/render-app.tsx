import { render } from "@testing-library/react";
import { beforeAll } from "vitest";
import { StrictMode } from "react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { routeObjects } from "../app/router";

/** Every lazy route's module, loaded (the route objects keep their own state: only the modules are cached). */
async function loadPages(routes: RouteObject[]): Promise<void> {
  await Promise.all(routes.map(async (r) => Promise.all([typeof r.lazy === "function" ? r.lazy() : undefined, loadPages(r.children ?? [])])));
}

// A page is a lazy route whose module is imported the first time it matches. In a test that would
// put the import (its time is the machine's: a loaded CI run took over a second) inside the wait
// for the page's first element. Every file that renders the app loads them before its tests.
beforeAll(() => loadPages(routeObjects), 60_000);

/** The real route tree (loaders, actions, error boundaries) in memory, starting at `url`; `strict` adds StrictMode's double effects, as in dev. */
export function renderApp(url: string, { strict = false }: { strict?: boolean } = {}) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [url] });
  const user = userEvent.setup();
  const app = <RouterProvider router={router} />;
  const view = render(strict ? <StrictMode>{app}</StrictMode> : app);
  return { router, user, ...view };
}
