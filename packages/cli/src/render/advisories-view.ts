/** Core's advisory notes as the "Next steps for you" lines. */
import type { AdvisoryNote } from "@boxafe-connect/core";
import type { Style } from "../style.js";

export function advisoryLines(notes: readonly AdvisoryNote[], style: Style): string[] {
  if (notes.length === 0) return [];
  return [
    style.bold("Next steps for you:"),
    ...notes.flatMap((n) => [`  ${style.yellow("!")} ${n.title} (${n.marker})`, `    ${n.action}`]),
  ];
}
