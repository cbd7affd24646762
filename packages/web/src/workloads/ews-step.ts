/**
 * The EWS step's print/skip path, loaded on demand (use-workloads imports this module dynamically). A
 * dynamic import of core's barrel itself would make the whole barrel a chunk the entry shares, and the
 * bundler then preloads it (zod, the request schemas, the ErrorCode table) with the first page.
 */
export { runEwsStep } from "@boxafe-connect/core";
