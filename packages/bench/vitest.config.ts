import { defineProject } from "vitest/config";

// Generous: a busy 2-core CI machine must not turn slowness into failures; timing is benchmarked, not tested.
export default defineProject({ test: { name: "bench", environment: "node", testTimeout: 30_000 } });
