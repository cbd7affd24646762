import { describe, expect, it } from "vitest";
import { classifyResponse } from "./graph-error.js";
import type { GraphResponse } from "./port.js";

/** Error bodies as real Graph traffic showed them; each sample names the public page it was read from. */
function answer(status: number, error: Record<string, unknown>): GraphResponse {
  return { id: "1", status, headers: {}, body: { error } };
}

const inner = { date: "2023-05-09T11:17:00", "request-id": "1e404957-624a-000-8ebb-a06b9da86001" };

describe("duplicate writes are already done", () => {
  it("duplicate oauth2PermissionGrant, code and message form", () => {
    // https://github.com/hashicorp/terraform-provider-azuread/issues/690 (409 on POST /oauth2PermissionGrants)
    const real = answer(409, {
      code: "Request_MultipleObjectsWithSameKeyValue",
      message: "Permission entry already exists.",
    });
    expect(classifyResponse(real).kind).toBe("exists");
    // The message form alone (a proxy that maps the code to the generic Request_BadRequest).
    expect(
      classifyResponse(
        answer(400, { code: "Request_BadRequest", message: "Permission entry already exists." }),
      ).kind,
    ).toBe("exists");
  });

  it("duplicate appRoleAssignment, with and without the final period", () => {
    // 400 Request_BadRequest as public scripts against real tenants match it (quoted without a period by some).
    // Third-party evidence only: no captured response body was found in public issues (msgraph SDKs, terraform
    // azuread, Microsoft docs issues searched 2026-12), nor a Microsoft page.
    for (const message of [
      "Permission being assigned already exists on the object.",
      "Permission being assigned already exists on the object",
    ]) {
      expect(classifyResponse(answer(400, { code: "Request_BadRequest", message })).kind).toBe("exists");
    }
  });

  it("a different 400 stays a failure", () => {
    expect(
      classifyResponse(
        answer(400, { code: "Request_BadRequest", message: "One or more properties are invalid." }),
      ).kind,
    ).toBe("fail");
  });
});

describe("replication misses on a just-created object are transient", () => {
  it("404 Request_ResourceNotFound without details, code or message form", () => {
    // https://github.com/EirikHaughom/ADME/issues/5 (POST /servicePrincipals/{id}/appRoleAssignments)
    const message =
      "Resource '0000000-000000-429c-a03c-ff59b2692a7e' does not exist or one of its queried reference-property objects are not present.";
    expect(
      classifyResponse(answer(404, { code: "Request_ResourceNotFound", message, innerError: inner }), {
        lagOn404: true,
      }),
    ).toMatchObject({ kind: "retry", reason: "lag" });
    // https://github.com/Azure/azure-powershell/issues/18179 reports the same message; the message alone decides.
    expect(classifyResponse(answer(404, { code: "", message }), { lagOn404: true }).kind).toBe("retry");
    // Without the just-created trait, a 404 is not lag (a read of something that may be absent).
    expect(
      classifyResponse(answer(404, { code: "Request_ResourceNotFound", message }), { absentOk: true }).kind,
    ).toBe("absent");
  });

  it("400 with details NoBackingApplicationObject, and its message without details", () => {
    // No public trace of this body was found (public code checks `error.details.code` for it, so the form exists,
    // but no issue shows the whole body); it is the sandbox's shape (errors.ts noBackingApp), so both
    // the detail code and the message are accepted. The appId is from Azure/acs-engine issue 97.
    const message =
      "The appId '83276f3b-8652-468c-95f9-3bf91982273b' of the service principal does not reference a valid application object.";
    const withDetails = answer(400, {
      code: "Request_BadRequest",
      message,
      details: [{ code: "NoBackingApplicationObject", message, target: "appId" }],
    });
    expect(classifyResponse(withDetails).kind).toBe("retry");
    expect(classifyResponse(answer(400, { code: "Request_BadRequest", message })).kind).toBe("retry");
  });

  it("404 Directory_ObjectNotFound, code or message form", () => {
    // https://github.com/pnp/cli-microsoft365/blob/main/src/m365/tenant/commands/info/info-get.spec.ts
    // (the body Graph sent, recorded in the test) and Microsoft's multitenant organization guide
    // (MicrosoftDocs/entra-docs: "Status: 404 (NotFound) ErrorCode: Directory_ObjectNotFound").
    const message = "Unable to read the company information from the directory.";
    const real = answer(404, { code: "Directory_ObjectNotFound", message, innerError: inner });
    expect(classifyResponse(real, { lagOn404: true })).toMatchObject({ kind: "retry", reason: "lag" });
    expect(classifyResponse(answer(404, { code: "", message }), { lagOn404: true }).kind).toBe("retry");
    expect(
      classifyResponse(answer(404, { code: "Directory_ObjectNotFound", message: "" }), { lagOn404: true })
        .kind,
    ).toBe("retry");
  });
});
