// (a) fetch-only: page through the window from the simulator, JSON.parse each page, discard it.
import { windowFromEnv, windowPages } from "./window-pages";

const w = windowFromEnv(process.env);
let rows = 0;
let requests = 0;
const t0 = performance.now();
for await (const page of windowPages(w)) {
  rows += page.body.data.length;
  requests++;
}
console.log(JSON.stringify({ rows, requests, seconds: (performance.now() - t0) / 1000 }));
