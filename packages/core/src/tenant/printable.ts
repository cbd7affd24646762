/**
 * Strings read from a tenant or a service (policy names, display names, error messages) may hold
 * control characters: shown escaped as \uXXXX, never interpreted by a terminal or a log viewer
 * (C0, DEL and C1, whose 0x9b is a one-byte CSI on some terminals). The one copy every front end uses.
 */

export function escapeControl(text: string): string {
  return text.replace(
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping control characters is the point
    /[\u0000-\u001f\u007f-\u009f]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** escapeControl of at most `max` characters of the text (a service's message can be long). */
export function printable(text: string, max = 300): string {
  return escapeControl(text.slice(0, max));
}
