import { buildCli } from "../scripts/build";

/** vitest globalSetup: the tests run the real binary, so a fresh clone's `pnpm test` builds it first. */
export default async function setup() {
  await buildCli();
}
