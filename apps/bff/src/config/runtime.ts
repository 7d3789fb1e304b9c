import type { Logger } from "pino";
import { createKeyring, type Keyring } from "../lib/crypto";
import { resolveEncryptionKey } from "../lib/key-file";
import { createLogger } from "../lib/logger";
import { openStore } from "../store/open-store";
import type { Store } from "../store/types";
import { ConfigError, loadEnv, type Env } from "./env";

export interface Runtime {
  env: Env;
  log: Logger;
  keyring: Keyring;
  store: Store;
}

/**
 * What the server and the CLI commands share at start: configuration, logger, keyring, store.
 * Anything wrong ends the process with a readable message (no stack trace): a config error is
 * the operator's to fix, not a crash to debug.
 */
export async function loadRuntime(): Promise<Runtime> {
  let env: Env;
  try {
    env = loadEnv();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const log = createLogger(env.logLevel);
  try {
    const key = resolveEncryptionKey({ encryptionKey: env.encryptionKey, nodeEnv: env.nodeEnv, dataDir: env.dataDir, log });
    return { env, log, keyring: createKeyring(key, env.previousEncryptionKeys), store: await openStore(env.databaseUrl) };
  } catch (e) {
    log.fatal(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
