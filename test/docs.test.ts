/**
 * Users grep CI logs for diagnostic codes, so every code the library can emit must be in the README's
 * table. Codes are collected from the source: `diagnose("code"` calls and `code: "code"` literals.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../src/conventions/index.js";
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

/** The lines of a README section's first table, header and separator left out, as lists of cells. */
function tableRows(readme: string, heading: string): string[][] {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const end = readme.indexOf("\n## ", start + 1);
  const lines = readme.slice(start, end < 0 ? undefined : end).split("\n");
  const first = lines.findIndex((l) => l.startsWith("|"));
  const table: string[] = [];
  for (let i = first; i >= 0 && i < lines.length && lines[i]!.startsWith("|"); i++) table.push(lines[i]!);
  return table.slice(2).map((l) => l.slice(1, -1).split(" | ").map((c) => c.trim()));
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 _-]/g, "").replace(/ /g, "-");

describe("the README's convention table is CONVENTIONS", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  // A row is named by the module's title, optionally followed by the versions read, in parentheses.
  const rows = tableRows(readme, "## Conventions").map((r) => [r[0]!.replace(/\s*\(.*\)$/, ""), ...r.slice(1)]);

  it("has exactly one row per module, named by its title (versions may follow in parentheses)", () => {
    expect(rows.map((r) => r[0]).sort()).toEqual(CONVENTIONS.map((m) => m.title).sort());
  });

  for (const m of CONVENTIONS) {
    it(`${m.id}: the row links the module's doc, which exists`, () => {
      const row = rows.find((r) => r[0] === m.title);
      expect(row, `add a row for ${m.title} to the README's Conventions table`).toBeDefined();
      const links = [...row!.at(-1)!.matchAll(/\]\(([^)]+)\)/g)].map((x) => x[1]!);
      // A doc inside the README itself is linked by its anchor.
      const [file, anchor] = m.doc.split("#") as [string, string | undefined];
      const expected = file === "README.md" && anchor ? `#${anchor}` : m.doc;
      expect(links).toEqual([expected]);
      expect(existsSync(join(ROOT, file)), m.doc).toBe(true);
      if (anchor) {
        const headings = readFileSync(join(ROOT, file), "utf8").split("\n").filter((l) => /^#+ /.test(l)).map((l) => slug(l.replace(/^#+ /, "")));
        expect(headings, m.doc).toContain(anchor);
      }
    });
  }
});
