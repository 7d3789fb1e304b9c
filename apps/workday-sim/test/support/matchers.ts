import { expect } from "vitest";

/** Typed wrappers: vitest's asymmetric matchers are `any`, which the type-aware lint rejects. */
export const anyString = (): string => expect.any(String) as string;
export const anyBoolean = (): boolean => expect.any(Boolean) as boolean;
export const matching = (pattern: RegExp): string => expect.stringMatching(pattern) as string;
export const containing = (text: string): string => expect.stringContaining(text) as string;
export const objectContaining = (fields: Record<string, unknown>): Record<string, unknown> => expect.objectContaining(fields) as Record<string, unknown>;
