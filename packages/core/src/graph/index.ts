/**
 * The public names of core/graph (src/index.ts re-exports them all; add a new export here): the Graph
 * port and its SDK adapter, batching with retries, counting, Graph errors.
 */

export type { GraphDeps, RetryBudget, RunOptions, RunRequest, RunResult } from "./batch-runner.js";
export { runRequests, startBudget } from "./batch-runner.js";
export type { CountingGraphPort, GraphStats } from "./counting-port.js";
export { countingGraphPort } from "./counting-port.js";
export type { GraphErrorInfo, Outcome, RequestTraits } from "./graph-error.js";
export { classifyResponse, errorForResponse, parseGraphError } from "./graph-error.js";
export type { GraphMethod, GraphPort, GraphRequest, GraphResponse } from "./port.js";
export { MAX_BATCH_SIZE } from "./port.js";
export type { RetryPolicy } from "./retry-policy.js";
export { backoffMs, defaultRetryPolicy, retryPolicy } from "./retry-policy.js";
export type { GraphSdkClient, GraphSdkRequest } from "./sdk-port.js";
export { graphPortFromClient } from "./sdk-port.js";
export { GraphTransportError, isGraphTransportError } from "./transport-error.js";
