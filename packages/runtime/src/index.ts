/** @module @boxafe-connect/runtime: Node implementations of core's ports (msal-node, Graph SDK, CA trust). */

export type { DelegatedSignIn, DeviceCodeInfo, DeviceCodeSignInOptions } from "./device-code.js";
export { deviceCodeSignIn } from "./device-code.js";
export type { FetchHttpOptions } from "./fetch-http-port.js";
export { createFetchHttpPort } from "./fetch-http-port.js";
export type { GraphPortOptions } from "./graph-port.js";
export { createGraphPort } from "./graph-port.js";
export type { MsalAuthority } from "./msal-authority.js";
export { msalAuthority } from "./msal-authority.js";
export type { MsalAppTokenOptions } from "./msal-token-port.js";
export { createMsalAppTokenPort } from "./msal-token-port.js";
export { nodeClock, nodePorts, nodeRandom, nodeSleep } from "./node-ports.js";
export { createProofSigner } from "./proof-signer.js";
export type { RetryingNetworkOptions } from "./retrying-network.js";
export { retryingNetwork } from "./retrying-network.js";
export { trustCa } from "./trust-ca.js";
