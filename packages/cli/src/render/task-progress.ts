/**
 * Core's use-case events as progress lines: a spinner per task, closed with what the task found.
 * A command passes `emit` to the use case and calls `fail` when it throws, so the open line ends
 * with the command's own advice. The engine's detail goes to --verbose through the ports.
 */
import type { Emit, Task, UseCaseEvent } from "@boxafe-connect/core";
import { printable } from "@boxafe-connect/core";
import type { Output } from "../output.js";

type Step = ReturnType<Output["step"]>;

export interface TaskTexts {
  /** The line while a task runs; a task without one shows no line. */
  readonly start?: Partial<Record<Task, string | ((total: number | undefined) => string)>>;
  /** The line a failure leaves, per task. */
  readonly fail?: Partial<Record<Task, string>>;
}

const START: Required<TaskTexts>["start"] = {
  observe: "Reading the tenant",
  apply: (total) => `Applying ${total ?? 0} changes`,
  verify: "Verifying with fresh app tokens",
};

const FAIL: Required<TaskTexts>["fail"] = {
  apply: "Apply stopped; run the same command again to finish the job",
  verify: "Verification failed",
};

function doneText(event: UseCaseEvent): [string, boolean] | undefined {
  switch (event.type) {
    case "observed": {
      const app = event.observed.application;
      return [
        app
          ? `Found app "${printable(app.displayName)}" (${app.appId})`
          : "Read the tenant: the app does not exist yet",
        true,
      ];
    }
    case "applied":
      return [
        `Applied ${event.total} changes in ${event.result.roundTrips} round trips (${event.result.requests} requests)`,
        true,
      ];
    case "verified": {
      const granted = event.report.items.filter((i) => i.status === "granted").length;
      const summary = `${granted}/${event.report.items.length} permissions proven`;
      return event.report.complete
        ? [`Verified: ${summary}`, true]
        : [`Verification incomplete: ${summary}`, false];
    }
    default:
      return undefined;
  }
}

export interface TaskProgress {
  readonly emit: Emit;
  /** Ends the open line as failed (with the task's advice); call it when the use case throws. */
  fail(): void;
}

export function taskProgress(out: Output, texts: TaskTexts = {}, also?: Emit): TaskProgress {
  const start = { ...START, ...texts.start };
  const fail = { ...FAIL, ...texts.fail };
  let open: { task: Task; step: Step } | undefined;
  const close = (text: string, ok: boolean) => {
    if (ok) open?.step.done(text);
    else open?.step.fail(text);
    open = undefined;
  };
  return {
    emit(event) {
      also?.(event);
      if (event.type === "start") {
        const label = start[event.task];
        if (label === undefined) return;
        open = { task: event.task, step: out.step(typeof label === "function" ? label(event.total) : label) };
        return;
      }
      if (event.type === "verify-progress") {
        open?.step.update(event.message);
        return;
      }
      if (event.type === "done" && open?.task === event.task) {
        // Tasks with a specific outcome event close there; the rest close with their own detail.
        if (event.task !== "verify") close(event.detail ?? "done", true);
        return;
      }
      const done = doneText(event);
      if (done && open) close(...done);
    },
    fail() {
      if (open) close(fail[open.task] ?? "failed", false);
    },
  };
}

/** Runs a use case with its progress shown; a throw ends the open line first. */
export async function withProgress<T>(
  out: Output,
  run: (emit: Emit) => Promise<T>,
  texts: TaskTexts = {},
  also?: Emit,
): Promise<T> {
  const progress = taskProgress(out, texts, also);
  try {
    return await run(progress.emit);
  } catch (error) {
    progress.fail();
    throw error;
  }
}
