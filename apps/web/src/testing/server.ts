import { setupServer } from "msw/node";
import { api } from "./handlers";

/** Every test starts signed in as an admin, with the default public config. */
export const server = setupServer(api.session(), api.config());
