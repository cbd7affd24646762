import { isCoreError, sandboxEndpoints } from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";
import { browserPorts } from "../platform.js";
import { addCertificate } from "./add-certificate.js";

describe("addCertificate", () => {
  it("refuses an empty PFX password before it reads or changes anything", async () => {
    let batches = 0;
    let keys = 0;
    const crypto = {
      ...globalThis.crypto,
      subtle: {
        generateKey: () => {
          keys += 1;
          throw new Error("no key should be made");
        },
      },
    } as unknown as typeof globalThis.crypto;
    const error = await addCertificate({
      appId: "11111111-2222-4333-8444-555555555555",
      pfxPassword: "",
      crypto,
      cloud: sandboxEndpoints("https://localhost:8443"),
      deps: {
        ...browserPorts,
        graph: {
          batch: async () => {
            batches += 1;
            return [];
          },
        },
      },
    }).catch((e: unknown) => e);
    expect(isCoreError(error) && error.code).toBe("invalid_input");
    expect(isCoreError(error) && error.field).toBe("pfxPassword");
    expect([batches, keys]).toEqual([0, 0]);
  });
});
