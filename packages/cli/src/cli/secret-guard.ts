/**
 * Secrets never come in as arguments: shell history, `ps` and CI logs would keep them. A flag that
 * names a secret, or any value shaped like an Entra client secret or a JWT, is refused (exit 2)
 * without echoing the value.
 */
import { UsageError } from "./usage-error.js";

const secretFlags = new Set([
  "client-secret",
  "secret",
  "password",
  "secret-text",
  "token",
  "access-token",
  "pfx-password",
]);

/** Entra secrets look like `abc8Q~` + 34 more characters; JWTs start with a base64url `{"`. */
const secretShapes = [/[A-Za-z0-9_.-]{3}\dQ~[A-Za-z0-9_.~-]{20,}/, /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/];

export const secretArgumentMessage =
  "Secrets are never accepted as command-line arguments (shell history and process lists keep them). " +
  "Pipe the secret in with --client-secret-stdin, or set the environment variable BOXAFE_CLIENT_SECRET.";

export function looksLikeSecret(value: string): boolean {
  return secretShapes.some((shape) => shape.test(value));
}

export function isSecretFlag(name: string): boolean {
  return secretFlags.has(name);
}

/** Throws UsageError when any argument names or carries a secret. */
export function refuseSecretArguments(argv: readonly string[]): void {
  for (const word of argv) {
    const flag = word.startsWith("--") ? (word.slice(2).split("=")[0] ?? "") : "";
    if ((flag !== "" && isSecretFlag(flag)) || looksLikeSecret(word)) {
      throw new UsageError(secretArgumentMessage);
    }
  }
}
