/**
 * Defaults live in core/src/defaults.ts only (CONTRIBUTING, "Where does my code go?"): an adapter that
 * writes one out (the app name in the page's wizard, "default 180" in the CLI's help, verify's deadline)
 * drifts the day core's changes. This reads every adapter source (cli, web, api; tests aside) for core's
 * default values written as literals where they name a default. Lives in runtime because it needs Node.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_APP_NAME,
  DEFAULT_CERTIFICATE_DAYS,
  DEFAULT_RENEW_WITHIN_DAYS,
  DEFAULT_SECRET_DAYS,
  DEFAULT_VERIFY_DEADLINE_SECONDS,
} from "@boxafe-connect/core";
import { describe, expect, it } from "vitest";

const packagesDir = fileURLToPath(new URL("../../", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.d\.ts$/.test(entry.name) ? [path] : [];
  });
}

const adapterFiles = ["cli", "web", "api"].flatMap((pkg) => sources(join(packagesDir, pkg, "src")));

/** Each default written as a literal the way an adapter would repeat it. */
const literals: readonly (readonly [string, RegExp])[] = [
  ["DEFAULT_APP_NAME", new RegExp(`["'\`]${DEFAULT_APP_NAME}["'\`]`)],
  ["DEFAULT_SECRET_DAYS", new RegExp(`default:? ${DEFAULT_SECRET_DAYS}\\b`)],
  ["DEFAULT_CERTIFICATE_DAYS", new RegExp(`default:? ${DEFAULT_CERTIFICATE_DAYS}\\b`)],
  ["DEFAULT_RENEW_WITHIN_DAYS", new RegExp(`default:? ${DEFAULT_RENEW_WITHIN_DAYS}\\b`)],
  ["DEFAULT_VERIFY_DEADLINE_SECONDS", new RegExp(`DEADLINE_MS = ${DEFAULT_VERIFY_DEADLINE_SECONDS}_000\\b`)],
];

describe("adapters take core's defaults instead of repeating them", () => {
  it("reads a real tree (cli, web and api sources)", () => {
    expect(adapterFiles.length).toBeGreaterThan(100);
  });

  it.each(literals)("no adapter writes %s out", (_name, pattern) => {
    const found = adapterFiles
      .filter((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          // A comment may name the value; code and help texts may not.
          .some((line) => !/^\s*(\/\/|\*|\/\*)/.test(line) && pattern.test(line)),
      )
      .map((file) => relative(packagesDir, file));
    expect(found).toEqual([]);
  });
});
