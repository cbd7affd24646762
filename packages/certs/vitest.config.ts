import { defineProject } from "vitest/config";

// RSA key generation and PBKDF2 are slow on a busy machine; nothing here is timed.
export default defineProject({
  test: { name: "certs", environment: "node", testTimeout: 60_000 },
});
