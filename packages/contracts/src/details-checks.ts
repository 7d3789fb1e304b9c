import { z } from "zod";
import { findHiddenCharacter, hiddenCharacterMessage, parseEndpoint, type EndpointKind, type HostAllowList } from "@wc/workday";

function copiedValueProblem(raw: string, label: string, max: number): string | null {
  const value = raw.trim();
  if (value === "") return `${label} is required: copy it from Workday's View API Clients page.`;
  const hidden = findHiddenCharacter(raw);
  if (hidden) return hiddenCharacterMessage(label, hidden, "or copy the value again from Workday's View API Clients page");
  if (value.length > max) return `${label} is longer than ${max} characters: check that only the value was pasted.`;
  return null;
}

/**
 * A value copied from View API Clients: trimmed, then any printable characters (inner spaces too)
 * but no control, bidi, zero-width or other invisible character, which Workday would not match.
 */
export const copiedValue = (label: string, max: number) =>
  z.string({ error: `${label} is required.` }).transform((raw, ctx) => {
    const problem = copiedValueProblem(raw, label, max);
    if (problem === null) return raw.trim();
    ctx.addIssue({ code: "custom", message: problem });
    return z.NEVER;
  });

/** One endpoint, checked on its own so that one wrong field never hides the others' messages. */
export const endpointUrl = (kind: EndpointKind, label: string, allow: HostAllowList) =>
  z.string({ error: `${label} is required.` }).transform((raw, ctx) => {
    const parsed = parseEndpoint(raw, kind, allow);
    if (parsed.ok) return parsed.url;
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  });
