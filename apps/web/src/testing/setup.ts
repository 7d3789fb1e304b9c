import { act, cleanup } from "@testing-library/react";
import { afterAll, afterEach, beforeAll, vi } from "vitest";
import type * as Zustand from "zustand";
import { server } from "./server";
import { resetStores } from "./store-reset";

// Every store made with zustand's `create` is tracked and reset after each test (zustand's testing guide).
vi.mock("zustand", async (importOriginal) => {
  const actual = await importOriginal<typeof Zustand>();
  const { trackStore } = await import("./store-reset");
  const build = <T>(initializer: Zustand.StateCreator<T>) => {
    const store = actual.create(initializer);
    trackStore(store);
    return store;
  };
  const create = <T>(initializer?: Zustand.StateCreator<T>) => (initializer ? build(initializer) : build);
  return { ...actual, create };
});

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  act(() => resetStores());
});
afterAll(() => server.close());
