// The package entry: everything the BFF, the SPA and contracts use about Workday.
export * from "./host-allow-list";
export * from "./endpoint-kinds";
export * from "./endpoints";
export * from "./tenant-path";
export * from "./tenant-consistency";
export * from "./environment";
export * from "./redirect-n";
export * from "./redirect-uri";
export * from "./rest-urls";
export * from "./prerequisites";
export * from "./registration";
export * from "./api-client-block";
export * from "./reason-codes";
export * from "./troubleshooting";
export * from "./classify-errors";
export * from "./connector-name";
