/** @module @boxafe-connect/conformance: CLI for Microsoft 365, unmodified, against the sandbox. */
export { BOXAFE_CLI, boxafeCliEnv, runBoxafeCli } from "./boxafe-cli.js";
export { devicePrompt, enterDeviceCode } from "./device-login.js";
export { adminToken, M365_IDENTITY_NAME, registerM365Identity } from "./m365-identity.js";
export { M365_BIN, M365_VERSION, type M365Run, MICROSOFT_HOSTS, readHostLog } from "./m365-process.js";
export { type Peer, type PeerSandbox, startPeer } from "./peer.js";
export { type RequestRecord, sequentialRoundTrips } from "./request-log.js";
export { entraAppAddArgs, table1 } from "./table1-options.js";
export { type AppFootprint, comparable, footprint, readState, type TenantState } from "./tenant-shape.js";
