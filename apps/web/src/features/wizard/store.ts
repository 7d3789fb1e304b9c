import { DETAILS_FIELD_KEYS, savedDetailsValues, type Connector, type DetailsFieldKey, type DetailsValues } from "@wc/contracts";
import { create, type StateCreator } from "zustand";

export type FieldFlags = Partial<Record<DetailsFieldKey, true>>;

export interface DetailsDraft {
  connectorId: string;
  /** What the admin typed and has not saved yet. Held in memory only, never in storage. */
  values: DetailsValues;
  /** Fields that show their validation message (blurred, or after a Next attempt). */
  touched: FieldFlags;
  /** Fields changed since the last save attempt: the server's messages about them are stale. */
  edited: FieldFlags;
}

export interface DetailsState {
  /** One draft at a time: opening another connector's details starts from that connector's saved values. */
  draft: DetailsDraft | null;
  edit: (connector: Connector, values: Partial<DetailsValues>, touch?: boolean) => void;
  touch: (connector: Connector, field: DetailsFieldKey) => void;
  touchAll: (connector: Connector) => void;
  markSubmitted: (connector: Connector) => void;
  forget: () => void;
}

const flagsFor = (fields: readonly string[]): FieldFlags => Object.fromEntries(fields.map((k) => [k, true] as const));

/** A draft holding what the server has stored (the secret is never sent back, so it starts empty). */
export function savedDraft(connector: Connector): DetailsDraft {
  return { connectorId: connector.id, values: savedDetailsValues(connector), touched: {}, edited: {} };
}

/** The draft for `connector`: the unsaved one when it belongs to it, else its saved values. */
export function draftFor(draft: DetailsDraft | null, connector: Connector): DetailsDraft {
  return draft?.connectorId === connector.id ? draft : savedDraft(connector);
}

export const createDetailsStore: StateCreator<DetailsState> = (set) => {
  const update = (connector: Connector, change: (d: DetailsDraft) => Partial<DetailsDraft>) =>
    set((s) => {
      const current = draftFor(s.draft, connector);
      return { draft: { ...current, ...change(current) } };
    });
  return {
    draft: null,
    edit: (connector, values, touch = false) =>
      update(connector, (d) => ({
        values: { ...d.values, ...values },
        edited: { ...d.edited, ...flagsFor(Object.keys(values)) },
        touched: touch ? { ...d.touched, ...flagsFor(Object.keys(values)) } : d.touched,
      })),
    touch: (connector, field) => update(connector, (d) => ({ touched: { ...d.touched, [field]: true } })),
    touchAll: (connector) => update(connector, () => ({ touched: flagsFor(DETAILS_FIELD_KEYS) })),
    markSubmitted: (connector) => update(connector, () => ({ edited: {} })),
    forget: () => set({ draft: null }),
  };
};

export const useDetailsStore = create<DetailsState>()(createDetailsStore);

/** Drops the unsaved values, and with them the typed secret, once the server has stored them. */
export function forgetUnsavedDetails(): void {
  useDetailsStore.getState().forget();
}
