import { z } from "zod";

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `${name} must be at least ${min}`).max(max, `${name} must be at most ${max}`));

const envSchema = z.object({
  WORKDAY_SIM_PORT: integer("WORKDAY_SIM_PORT", 0, 65_535).default(4000),
  WORKDAY_SIM_EVENTS: integer("WORKDAY_SIM_EVENTS", 0, 5_000_000).optional(),
  WORKDAY_SIM_DAYS: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, "WORKDAY_SIM_DAYS must be a positive number of days")
    .transform(Number)
    .pipe(z.number().positive("WORKDAY_SIM_DAYS must be more than 0").max(3650, "WORKDAY_SIM_DAYS must be at most 3650"))
    .optional(),
  WORKDAY_SIM_SEED: integer("WORKDAY_SIM_SEED", 0, 0xffffffff).optional(),
});

export type SimEnv = z.output<typeof envSchema>;

/** Parses the simulator's environment; on failure, one line per problem. */
export function parseEnv(source: Record<string, string | undefined>): { ok: true; env: SimEnv } | { ok: false; problems: string[] } {
  const blankToUndefined = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(blankToUndefined);
  if (result.success) return { ok: true, env: result.data };
  return { ok: false, problems: result.error.issues.map((i) => `${i.path.join(".") || "env"}: ${i.message}`) };
}

export const readEnv = (): ReturnType<typeof parseEnv> => parseEnv(process.env);
