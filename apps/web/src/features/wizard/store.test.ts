import { describe, expect, it } from "vitest";
import { createStore } from "zustand/vanilla";
import { makeConnector } from "../../testing/fixtures";
import { createDetailsStore, draftFor } from "./store";

const fresh = () => createStore(createDetailsStore);

describe("details store", () => {
  it("when a connector's values are edited, then another connector still starts from its own saved values", () => {
    const store = fresh();
    const a = makeConnector({ id: "a", clientId: "saved-a" });
    const b = makeConnector({ id: "b", clientId: "saved-b" });
    store.getState().edit(a, { clientId: "typed-a", clientSecret: "typed-secret" });
    expect(draftFor(store.getState().draft, a).values).toMatchObject({ clientId: "typed-a", clientSecret: "typed-secret" });
    expect(draftFor(store.getState().draft, b).values).toMatchObject({ clientId: "saved-b", clientSecret: "" });
  });

  it("when the details were saved, then forget drops the typed secret", () => {
    const store = fresh();
    const a = makeConnector({ id: "a" });
    store.getState().edit(a, { clientSecret: "typed-secret" }, true);
    expect(store.getState().draft?.touched.clientSecret).toBe(true);
    store.getState().forget();
    expect(store.getState().draft).toBeNull();
  });

  it("when a save is attempted, then edits since the last attempt are forgotten so server messages show again", () => {
    const store = fresh();
    const a = makeConnector({ id: "a" });
    store.getState().edit(a, { clientId: "x" });
    expect(store.getState().draft?.edited.clientId).toBe(true);
    store.getState().markSubmitted(a);
    expect(store.getState().draft?.edited).toEqual({});
  });
});
