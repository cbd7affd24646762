/**
 * Where everything goes: stdout carries data (the JSON document, or the human result), stderr
 * carries people's messages, progress and --verbose logs. Every line on either passes the
 * redactor; on stdout the values a command handed over (`redactor.handOver`) stay readable.
 */
import type { Redactor } from "./redact.js";
import { createRedactor } from "./redact.js";
import type { Style } from "./style.js";
import { createStyle } from "./style.js";

export interface Writable {
  write(text: string): unknown;
}

/** Which tenant a result is about: a script can never mistake the sandbox for a real tenant. */
export interface TargetMarker {
  readonly kind: "sandbox" | "tenant";
  readonly tenantId: string;
  readonly cloud: string;
}

export interface Output {
  readonly json: boolean;
  readonly verbose: boolean;
  /** Colour, spinners and prompts are allowed (TTY, no NO_COLOR, no --no-color). */
  readonly rich: boolean;
  readonly style: Style;
  readonly redactor: Redactor;
  /** The command's result: JSON document in --json mode, nothing otherwise; carries `target` once set. Redacted except hand-over values. */
  result(document: unknown): void;
  /** True once the command's result went out (one document per run: an interrupt adds none after it). */
  hasResult(): boolean;
  /** Set once the command knows its tenant; every later result document gets it as `target`. */
  setTarget(marker: TargetMarker): void;
  /** Human result text on stdout (skipped in --json mode). Redacted except hand-over values. */
  print(text: string): void;
  /** Human notes on stderr (skipped in --json mode). */
  info(text: string): void;
  /** Warnings on stderr, also in --json mode. */
  warn(text: string): void;
  /** Errors on stderr, also in --json mode. */
  error(text: string): void;
  /** --verbose only. */
  debug(text: string): void;
  /** Starts a progress line; returns a function that ends it with a final message. */
  step(text: string): { update(text: string): void; done(text?: string): void; fail(text?: string): void };
}

export interface OutputOptions {
  readonly json: boolean;
  readonly verbose: boolean;
  readonly rich: boolean;
  readonly stdout: Writable;
  readonly stderr: Writable;
}

const frames = ["◐", "◓", "◑", "◒"];

export function createOutput(options: OutputOptions): Output {
  const style = createStyle(options.rich);
  const redactor = createRedactor();
  let resulted = false;
  let spinning: { stop(): void } | undefined;
  // A message printed while a spinner runs first clears the spinner's line; the next frame redraws it.
  const err = (text: string) =>
    options.stderr.write(`${spinning ? "\r\u001b[2K" : ""}${redactor.redact(text)}\n`);

  const step: Output["step"] = (text) => {
    if (options.json) {
      return { update: () => {}, done: () => {}, fail: () => {} };
    }
    let current = text;
    if (!options.rich) {
      err(`… ${text}`);
      return {
        update: (t) => {
          current = t;
          if (options.verbose) err(`… ${t}`);
        },
        done: (t) => err(`✔ ${t ?? current}`),
        fail: (t) => err(`✖ ${t ?? current}`),
      };
    }
    spinning?.stop();
    let frame = 0;
    const draw = () => options.stderr.write(`\r\u001b[2K${style.cyan(frames[frame++ % 4] ?? "")} ${current}`);
    draw();
    const timer = setInterval(draw, 120);
    const stop = () => {
      clearInterval(timer);
      options.stderr.write("\r\u001b[2K");
      spinning = undefined;
    };
    spinning = { stop };
    return {
      update: (t) => {
        current = redactor.redact(t);
      },
      done: (t) => {
        stop();
        err(`${style.green("✔")} ${t ?? current}`);
      },
      fail: (t) => {
        stop();
        err(`${style.red("✖")} ${t ?? current}`);
      },
    };
  };

  let target: TargetMarker | undefined;
  const withTarget = (document: unknown): unknown =>
    target !== undefined && typeof document === "object" && document !== null && !Array.isArray(document)
      ? { ...document, target: (document as { target?: unknown }).target ?? target }
      : document;
  return {
    json: options.json,
    verbose: options.verbose,
    rich: options.rich,
    style,
    redactor,
    result(document) {
      resulted = true;
      if (options.json)
        options.stdout.write(`${redactor.redactStdout(JSON.stringify(withTarget(document), null, 2))}\n`);
    },
    hasResult: () => resulted,
    setTarget(marker) {
      target = marker;
    },
    print(text) {
      if (!options.json) options.stdout.write(`${redactor.redactStdout(text)}\n`);
    },
    info(text) {
      if (!options.json) err(text);
    },
    warn(text) {
      err(`${style.yellow("!")} ${text}`);
    },
    error(text) {
      err(`${style.red("Error:")} ${text}`);
    },
    debug(text) {
      if (options.verbose) err(style.dim(`[debug] ${text}`));
    },
    step,
  };
}
