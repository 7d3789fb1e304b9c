// The list bench's baseline (list.ts): bare Express answering GET /api/connectors with the bytes
// the console sent for its first page, held in memory. No session, no store, no middleware: what
// serving that page costs Node and Express alone, in a process of its own like the console.
import { readFileSync } from "node:fs";
import express from "express";

const body = readFileSync(process.env.BODY_FILE ?? "");
const port = Number(process.env.PORT);
const app = express();
app.get("/api/connectors", (_req, res) => {
  res.type("application/json").send(body);
});
app.get("/health", (_req, res) => {
  res.send("ok");
});
app.listen(port, "127.0.0.1");
