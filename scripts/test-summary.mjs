// Adds up vitest's per-package "Tests N passed | M failed | K skipped" lines from a test log and
// prints one closing line, "tests: N passed, M failed, K skipped", for CI to read.
import { readFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";

const log = stripVTControlCharacters(readFileSync(process.argv[2] ?? 0, "utf8"));
const totals = { passed: 0, failed: 0, skipped: 0 };
for (const line of log.split("\n")) {
  if (!/^\S*\s*Tests\s+\d/.test(line.replace(/^@boxafe-connect\/\S+:\s*/, "").trimStart())) continue;
  for (const kind of Object.keys(totals)) {
    const match = line.match(new RegExp(`(\\d+) ${kind}`));
    if (match) totals[kind] += Number(match[1]);
  }
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
