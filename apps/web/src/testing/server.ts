import { setupServer } from "msw/node";
import { api } from "./handlers";

/** Every test starts signed in as an admin, with the default public config, no activity sync and no hand-off links yet. */
export const server = setupServer(api.session(), api.config(), api.idleSync(), api.noHandoffLinks());
