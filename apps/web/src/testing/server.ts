import { setupServer } from "msw/node";
import { api } from "./handlers";

/** Every test starts signed in as an admin, with the default public config and no activity sync yet. */
export const server = setupServer(api.session(), api.config(), api.idleSync());
