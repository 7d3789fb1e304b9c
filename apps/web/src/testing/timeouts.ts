/**
 * How long a test waits for a page's first render. A page is a lazy route: the first render of one
 * in a test file imports (and transforms) its module while the assertion waits, which on a loaded
 * machine took more than Testing Library's default 1 s (a CI run failed with the app still
 * "Loading"). A passing wait ends as soon as the page shows, so this costs green runs nothing.
 */
export const FIRST_RENDER_TIMEOUT_MS = 10_000;
