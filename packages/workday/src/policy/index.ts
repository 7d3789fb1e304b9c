export * from "./policy-types";
export * from "./cidr";
export * from "./working-hours";
export * from "./policy-compile";
export * from "./policy-set";
export * from "./policy-bursts";
export * from "./policy-problems";
export * from "./policy-templates";
