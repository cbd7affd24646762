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
// CI keeps only the tail of the log: the failures are repeated here, last, so they are never cut off.
const lines = log.split("\n").map((l) => l.replace(/^@boxafe-connect\/\S+:\s?/, ""));
const failures = [];
for (const [i, line] of lines.entries()) {
  if (!/^\s*(FAIL|×)\s/.test(line) && !/error TS\d+/.test(line)) continue;
  failures.push(...lines.slice(i, /^\s*FAIL\s/.test(line) ? i + 12 : i + 1));
}
if (failures.length > 0) {
  console.log("failures (repeated from above):");
  for (const line of [...new Set(failures)].slice(0, 80)) console.log(`  ${line}`);
}
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
