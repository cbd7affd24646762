/** One SIGINT policy for the process; a long-running command (sandbox) may take it over. */

let current: () => void = () => {};

export function installInterrupt(handler: () => void): void {
  current = handler;
  process.on("SIGINT", () => current());
}

export function takeOverInterrupt(handler: () => void): void {
  current = handler;
}
