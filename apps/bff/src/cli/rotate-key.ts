import { loadRuntime } from "../runtime";
import { formatRotationSummary, rotateCiphertexts } from "../workday/key-rotation";

/**
 * Re-seals every stored secret under ENCRYPTION_KEY, reading old ones with ENCRYPTION_KEYS_PREVIOUS.
 * Safe to interrupt and rerun (see docs/key-rotation.md).
 */
async function main(): Promise<number> {
  const { keyring, store } = await loadRuntime({ checkKeys: false });
  // First Ctrl-C finishes the row in flight and stops; a second one exits at once.
  const stop = new AbortController();
  process.once("SIGINT", () => {
    stop.abort();
    process.once("SIGINT", () => process.exit(130));
  });
  try {
    const summary = await rotateCiphertexts(store, keyring, stop.signal);
    console.log(`current key id: ${keyring.currentKid}\n${formatRotationSummary(summary)}`);
    return summary.failed.length > 0 || summary.interrupted ? 1 : 0;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  },
);
