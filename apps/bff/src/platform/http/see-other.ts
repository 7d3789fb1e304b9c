import type { Response } from "express";

/**
 * A 303 with Location and no body. res.redirect() writes the URL again into a text or HTML body;
 * nobody reads it, and when the URL carries a fragment secret (the hand-off results ticket) that
 * would be one more copy of it.
 */
export function seeOther(res: Response, url: string): void {
  res.status(303).location(url).end();
}
