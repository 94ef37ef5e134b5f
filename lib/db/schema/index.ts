export * from "./accounts";
export * from "./catalog";
export * from "./orders";
export * from "./payments";
export * from "./email";
export * from "./files";
export * from "./password-resets";
