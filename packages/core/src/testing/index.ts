/** @module @boxafe-connect/core/testing: fakes for unit tests (no I/O, no timers). */

export type { CountingGraphPort, GraphStats } from "../graph/counting-port.js";
export { countingGraphPort } from "../graph/counting-port.js";
export type { FakeAppTokens } from "./fake-app-tokens.js";
export { fakeAppTokens } from "./fake-app-tokens.js";
export type { FakeTenant } from "./fake-tenant.js";
export { fakeTenant } from "./fake-tenant.js";
export type { FakeTime } from "./fake-time.js";
export { fakeTime, seededRandom } from "./fake-time.js";
export type { Handler, Reply, ScriptedGraph } from "./scripted-graph.js";
export { graphError, scriptedGraph } from "./scripted-graph.js";
export type { ScriptedHttp } from "./scripted-http.js";
export { reply, scriptedHttp } from "./scripted-http.js";
export { credentialRow, testCertificate } from "./test-credentials.js";
