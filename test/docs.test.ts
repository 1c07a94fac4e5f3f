/**
 * Users grep CI logs for diagnostic codes, so every code the library can emit must be in the README's
 * table. Codes are collected from the source: `diagnose("code"` calls and `code: "code"` literals.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/fixtures.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith(".ts") ? [path] : [];
  });
}

const emitted = new Set<string>();
for (const file of sources(join(ROOT, "src"))) {
  const text = readFileSync(file, "utf8");
  for (const m of text.matchAll(/diagnose\(\s*"([a-z0-9-]+)"|\bcode: "([a-z0-9-]+)"/g)) emitted.add((m[1] ?? m[2])!);
  // Codes chosen by a conditional expression: `const code = cond ? "a" : "b"` before a diagnose(code, ...).
  // The literals after `?` or `:` are codes; the ones after `===` are the conditions.
  for (const statement of text.matchAll(/\bcode = ([^;]*);/g)) {
    for (const m of statement[1]!.matchAll(/[?:] "([a-z]+(?:-[a-z0-9]+)+)"/g)) emitted.add(m[1]!);
  }
}
emitted.delete("custom"); // zod's issue code, not ours

describe("diagnostic codes are documented", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  it("found the codes in the source", () => {
    expect(emitted.size).toBeGreaterThan(20);
  });
  for (const code of [...emitted].sort()) {
    it(code, () => {
      expect(readme, `add \`${code}\` to the README's diagnostics table`).toContain(`| \`${code}\` |`);
    });
  }
});
