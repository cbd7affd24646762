/** Test partner keys, in a file without imports so vitest configs can load it too. */

/** A partner key allowed every protected route, and one allowed only the proofs (digests below are theirs). */
export const TEST_API_KEY = "bxc_test-partner-key-0123456789abcdef";
export const VERIFY_ONLY_API_KEY = "bxc_verify-only-key-0123456789abcdef";
/** The API_KEYS setting that admits both test keys. */
export const TEST_API_KEYS_SETTING = JSON.stringify([
  {
    name: "partner",
    sha256: "10f7c2228aa780690d89f6e82e88343f723c1a7a0925be47aa9001c8e2f390ca",
    routes: ["/v1/verify", "/v1/prove", "/v1/plan", "/v1/preflight", "/v1/setup"],
  },
  {
    name: "verify-only",
    sha256: "1632566bb65ac5446b7fe9293037ad6e54eb2363a719ffbc26f624a938babdcd",
    routes: ["/v1/verify"],
  },
]);
