import { describe, expect, it } from "vitest";
import { parseBoxafeVersion } from "../boxafe/version.js";
import { formatFleetFileErrors, parseFleetFile } from "./fleet-file.js";

function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error("expected a throw");
}

const T1 = "c0000001-5a1d-4b0c-8e11-000000000001";
const APP = "1dc52577-5496-4f81-a932-c0a27b43d537";

describe("parseFleetFile", () => {
  it("reads JSON entries with defaults (label = tenant, Boxafe 1.5)", () => {
    const result = parseFleetFile(
      JSON.stringify([
        { tenant: T1 },
        { tenant: "fabrikam.onmicrosoft.com", label: "Fabrikam", boxafe: "1.4", appId: APP },
      ]),
    );
    expect(result).toEqual({
      ok: true,
      entries: [
        { row: 1, tenant: T1, label: T1, boxafe: "1.5" },
        { row: 2, tenant: "fabrikam.onmicrosoft.com", label: "Fabrikam", boxafe: "1.4", appId: APP },
      ],
    });
  });

  it("reads {tenants: [...]} and the names people use for the fields", () => {
    const result = parseFleetFile(
      JSON.stringify({ tenants: [{ tenantId: T1, Name: "Contoso", client_id: APP }] }),
    );
    expect(result.ok && result.entries[0]).toEqual({
      row: 1,
      tenant: T1,
      label: "Contoso",
      boxafe: "1.5",
      appId: APP,
    });
  });

  it("reads CSV with a header, quoted cells and comments", () => {
    const csv = `# customers\ntenant,label,boxafe,appId\n${T1},"Contoso, Ltd",1.4,\nfabrikam.onmicrosoft.com,Fabrikam,,\n`;
    const result = parseFleetFile(csv);
    expect(result.ok && result.entries).toEqual([
      { row: 1, line: 3, tenant: T1, label: "Contoso, Ltd", boxafe: "1.4" },
      { row: 2, line: 4, tenant: "fabrikam.onmicrosoft.com", label: "Fabrikam", boxafe: "1.5" },
    ]);
  });

  it("names a CSV problem by the file's line number, as an editor counts it (header, comments and blank lines too)", () => {
    const csv = `\n# customers\ntenant,label\n${T1},Contoso\n\nnot a tenant,Bad\n${T1.toUpperCase()},Again\n${T1},"open\nx,y,z\n`;
    const broken = parseFleetFile(csv);
    expect(!broken.ok && broken.errors.map((e) => [e.row, e.line])).toEqual([
      [4, 8],
      [5, 9],
    ]);
    const fixed = parseFleetFile(csv.replace(`${T1},"open\nx,y,z\n`, ""));
    expect(fixed.ok).toBe(false);
    if (fixed.ok) return;
    expect(fixed.errors.map((e) => [e.row, e.line, e.field])).toEqual([
      [2, 6, "tenant"],
      [3, 7, "tenant"],
    ]);
    const text = formatFleetFileErrors(fixed.errors);
    expect(text).toMatch(/^row 2 \(line 6\), tenant: /);
    expect(text).toContain("row 3 (line 7), tenant: Tenant");
    expect(text).toContain("already listed in row 1 (line 4).");
  });

  it("names the row and field of every problem, and keeps going", () => {
    const result = parseFleetFile(
      JSON.stringify([
        { tenant: "not a tenant" },
        { tenant: T1 },
        { tenant: T1.toUpperCase() },
        { tenant: "fabrikam.onmicrosoft.com", boxafe: "1.3" },
        { label: "no tenant" },
      ]),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [1, "tenant"],
      [3, "tenant"],
      [4, "boxafe"],
      [5, "tenant"],
    ]);
    expect(result.errors[1]?.message).toContain("row 2");
    expect(formatFleetFileErrors(result.errors)).toMatch(/^row 1, tenant: /);
  });

  it("refuses credentials in the file, in JSON keys and CSV columns, without echoing them", () => {
    const json = parseFleetFile(JSON.stringify([{ tenant: T1, clientSecret: "Abc8Q~supersecretvalue" }]));
    expect(json.ok).toBe(false);
    if (json.ok) return;
    expect(json.errors[0]).toMatchObject({ row: 1, field: "clientSecret" });
    expect(json.errors[0]?.message).toContain("Credentials never go into a fleet file");
    expect(JSON.stringify(json.errors)).not.toContain("supersecretvalue");
    const csv = parseFleetFile(`tenant,privateKey\n${T1},MIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n`);
    expect(!csv.ok && csv.errors[0]?.field).toBe("privateKey");
    expect(JSON.stringify(csv)).not.toContain("MIIEvQ");
  });

  it("refuses an empty file, broken JSON, a CSV without a tenant column and an unclosed quote", () => {
    for (const text of ["[]", "[{", "label\nFoo\n", `tenant,label\n${T1},"open\n`]) {
      const result = parseFleetFile(text);
      expect(result.ok, text).toBe(false);
    }
  });

  it("takes the Boxafe versions `setup --boxafe` takes (a later release is 1.5), and refuses the same others", () => {
    const csv = `tenant,boxafe\n${T1},1.7\nfabrikam.onmicrosoft.com,2.0\ncustomer3.onmicrosoft.com,1.5+\ncustomer4.onmicrosoft.com,1.4\n`;
    const result = parseFleetFile(csv);
    expect(result.ok && result.entries.map((e) => e.boxafe)).toEqual(["1.5", "1.5", "1.5", "1.4"]);
    const bad = parseFleetFile(`tenant,boxafe\n${T1},1.3\nfabrikam.onmicrosoft.com,"latest\u001b[2J"\n`);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors.map((e) => [e.line, e.field])).toEqual([
      [2, "boxafe"],
      [3, "boxafe"],
    ]);
    // Word for word what --boxafe says, and a hostile cell is shown escaped.
    expect(bad.errors[0]?.message).toBe(errorOf(() => parseBoxafeVersion("1.3")));
    expect(bad.errors[1]?.message).toContain("latest\\u001b[2J");
    expect(JSON.stringify(bad.errors)).not.toContain("\u001b[2J");
  });

  it("refuses a label with control characters (it is printed in reports)", () => {
    const result = parseFleetFile(JSON.stringify([{ tenant: T1, label: "evil\u001b[31m" }]));
    expect(!result.ok && result.errors[0]).toMatchObject({ row: 1, field: "label" });
  });
});
