/** Reads an urlencoded admin form: text fields, checkboxes (absent = off) and multi-selects. */
export interface FormFields {
  text(name: string): string;
  optionalText(name: string): string | undefined;
  flag(name: string): boolean;
  list(name: string): string[];
}

export function formOf(body: unknown): FormFields {
  const record: Record<string, unknown> = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const list = (name: string): string[] => {
    const value = record[name];
    if (typeof value === "string") return [value];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  };
  const text = (name: string): string => list(name)[0] ?? "";
  return {
    text,
    optionalText: (name) => (text(name).trim() === "" ? undefined : text(name).trim()),
    flag: (name) => ["on", "true", "yes", "1"].includes(text(name).toLowerCase()),
    list,
  };
}
