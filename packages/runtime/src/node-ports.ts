/** The runtime ports on Node: wall clock, real sleep, cryptographic random for jitter and ids. */
import { randomBytes } from "node:crypto";
import { setTimeout as wait } from "node:timers/promises";
import type { Clock, Random, RuntimePorts, Sleep } from "@boxafe-connect/core";

export const nodeClock: Clock = { now: () => Date.now() };
export const nodeSleep: Sleep = async (ms) => {
  if (ms > 0) await wait(ms);
};
export const nodeRandom: Random = () => randomBytes(4).readUInt32BE(0) / 2 ** 32;

export function nodePorts(): RuntimePorts {
  return { clock: nodeClock, sleep: nodeSleep, random: nodeRandom };
}
