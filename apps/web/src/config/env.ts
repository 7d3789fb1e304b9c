import { z } from "zod";

/**
 * The only module that reads `import.meta.env`. The SPA carries no secrets: everything here is
 * public and fixed at build time. Deployment facts (public URL, allowed hosts) come from
 * `GET /api/config` at run time instead.
 */
const envSchema = z.object({
  MODE: z.string(),
  DEV: z.boolean(),
});

export const env = envSchema.parse({ MODE: import.meta.env.MODE, DEV: import.meta.env.DEV });
