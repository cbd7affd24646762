import type { RuntimePorts } from "@boxafe-connect/core";

/** The browser's clock, timer and randomness, handed to core as ports. */
export const browserPorts: RuntimePorts = {
  clock: { now: () => Date.now() },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};
