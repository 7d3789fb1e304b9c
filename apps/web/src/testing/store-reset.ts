import type { StoreApi } from "zustand";

const resets = new Set<() => void>();

/** Remembers a store's initial state so every test starts from it (the setup file calls `resetStores`). */
export function trackStore<T>(store: StoreApi<T>): void {
  const initial = store.getInitialState();
  resets.add(() => store.setState(initial, true));
}

export function resetStores(): void {
  for (const reset of resets) reset();
}
