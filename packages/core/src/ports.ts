/**
 * Ports: everything core needs from the outside world, injected by each adapter's composition root.
 * Core never touches a platform global; these are the only doors.
 */

/** Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Waits; tests pass one that advances a fake clock instead of sleeping. */
export type Sleep = (ms: number) => Promise<void>;

/** Uniform random in [0, 1); used only for retry jitter. */
export type Random = () => number;

/** Progress of a long wait or a wave of writes; adapters render it (spinner, rail, JSON lines). */
export interface ProgressEvent {
  readonly phase: "observe" | "apply" | "verify" | "retry" | "rotate" | "remove";
  readonly message: string;
  readonly done?: number;
  readonly total?: number;
}
export type ProgressSink = (event: ProgressEvent) => void;

export interface RuntimePorts {
  readonly clock: Clock;
  readonly sleep: Sleep;
  readonly random: Random;
  readonly progress?: ProgressSink;
}
