/** clack prompts that turn a cancel (Ctrl-C, Esc) into CancelledError, so every caller exits 130. */
import { CancelledError } from "../cli/usage-error.js";

export async function unwrap<T>(value: T | symbol): Promise<Exclude<T, symbol>> {
  const { isCancel } = await import("@clack/prompts");
  if (isCancel(value) || typeof value === "symbol") throw new CancelledError();
  return value as Exclude<T, symbol>;
}

export async function confirmOrCancel(message: string): Promise<void> {
  const { confirm } = await import("@clack/prompts");
  const yes = await unwrap(await confirm({ message, initialValue: false }));
  if (!yes) throw new CancelledError("Nothing was changed.");
}
