export * from "./statuses";
export * from "./errors";
export * from "./connector";
export * from "./details";
export * from "./checks";
export * from "./api";
export * from "./routes";
export * from "./activity";
