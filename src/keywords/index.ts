/** The keyword registry: one module per keyword under <vocabulary>/, a dialect as the keywords its specification has. */
export * from "./dialects.js";
export * from "./keyword.js";
export * from "./registry.js";
export * from "./formats.js";
export * from "./load-module.js";
