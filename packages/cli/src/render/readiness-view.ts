/** The honest end: what Boxafe can back up now, what is blocked (why + fix), what is pending. */
import type { Readiness } from "@boxafe-connect/core";
import type { Style } from "../style.js";

export function readinessLines(end: Readiness, style: Style): string[] {
  const mark = (state: string) =>
    state === "works"
      ? style.green("works  ")
      : state === "pending"
        ? style.yellow("pending")
        : style.red("BLOCKED");
  return [
    end.allWork ? style.green(style.bold(end.headline)) : style.bold(end.headline),
    ...end.lines.map((line) => `  ${mark(line.state)}  ${line.text}`),
  ];
}
