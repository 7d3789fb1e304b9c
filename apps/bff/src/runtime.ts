import type { Logger } from "pino";
import { createKeyring, type Keyring } from "./platform/crypto/crypto";
import { resolveEncryptionKey } from "./platform/crypto/key-file";
import { createLogger } from "./platform/logger";
import { openStore } from "./store/open-store";
import type { Store } from "./store/types";
import { ConfigError, loadEnv, type Env } from "./platform/config/env";
import { checkStoredKeys } from "./workday/key-check";

export interface Runtime {
  env: Env;
  log: Logger;
  keyring: Keyring;
  store: Store;
}

/**
 * What the server and the CLI commands share at start: configuration, logger, keyring, store.
 * Anything wrong ends the process with a readable message (no stack trace): a config error is
 * the operator's to fix, not a crash to debug. Unless `checkKeys` is off (rotate-key reports
 * unreadable values row by row itself), a store holding secrets that no configured key opens is
 * such an error too: better than a console whose every check answers that it cannot read them.
 */
export async function loadRuntime(o: { checkKeys?: boolean } = {}): Promise<Runtime> {
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
    const keyring = createKeyring(key, env.previousEncryptionKeys);
    const store = await openStore(env.databaseUrl, log);
    if (o.checkKeys !== false) await refuseUnopenable(store, keyring, env, log);
    return { env, log, keyring, store };
  } catch (e) {
    log.fatal(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}

async function refuseUnopenable(store: Store, keyring: Keyring, env: Env, log: Logger): Promise<void> {
  const check = await checkStoredKeys(store, keyring, env.lostEncryptionKeyIds);
  if (!check.ok) {
    await store.close();
    throw new Error(check.message);
  }
  if (check.lost.records > 0) {
    log.warn(
      { records: check.lost.records, keyIds: [...check.lost.byKid.keys()] },
      "some stored secrets were sealed with a key listed in LOST_ENCRYPTION_KEY_IDS: re-enter those connectors' Client Secret and connect again, then remove the setting",
    );
  }
}
