import { render } from "@testing-library/react";
import { StrictMode } from "react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { routeObjects } from "../app/router";

/** The real route tree (loaders, actions, error boundaries) in memory, starting at `url`; `strict` adds StrictMode's double effects, as in dev. */
export function renderApp(url: string, { strict = false }: { strict?: boolean } = {}) {
  const router = createMemoryRouter(routeObjects, { initialEntries: [url] });
  const user = userEvent.setup();
  const app = <RouterProvider router={router} />;
  const view = render(strict ? <StrictMode>{app}</StrictMode> : app);
  return { router, user, ...view };
}
