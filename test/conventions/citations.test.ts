/**
 * Every rule of every convention module cites the spec text or source file it comes from
 * (src/conventions/rule-types.ts `Citation`): the types make `spec` required, and this test checks that
 * each one is a location of an accepted shape (so a placeholder such as "", "TODO" or "see docs" fails),
 * that the location is one docs/rule-sources.md lists with what pins it, and that what can be checked
 * here is real: a repository row names the full commit its short one abbreviates, and a package file
 * exists in the installed package at the cited version.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../../src/conventions/index.js";
import type { ConventionModule } from "../../src/conventions/types.js";
import { validateSpan } from "../../src/index.js";
import { ROOT } from "../helpers/fixtures.js";

/** `<location>` or `<location> — <words>`. */
const SEPARATOR = " — ";
const URL_SHAPE = /^https:\/\/[\w.-]+\/\S*$/;
/** A file of a package at its version: `@scope/name@1.2.3:path` (the path may have no extension, e.g. a binary). */
const PACKAGE_FILE = /^(@[\w.-]+\/[\w.-]+|[\w.-]+)@(\d[\w.+-]*):([\w./@+-]+)$/;
/** A file of a repository at a commit or tag, with an optional anchor: `owner/repo@ref:path#section`. */
const REPO_FILE = /^([\w.-]+\/[\w.-]+)@([0-9a-f]{7,40}|v\d[\w.+-]*):([\w./@+-]+?)(#[\w.-]+)?$/;
const LOCATION_SHAPES: readonly RegExp[] = [URL_SHAPE, PACKAGE_FILE, REPO_FILE];

/** Splits a citation into its location and its words. */
function parts(citation: string): { location: string; words: string | undefined } {
  const at = citation.indexOf(SEPARATOR);
  return at === -1 ? { location: citation, words: undefined } : { location: citation.slice(0, at), words: citation.slice(at + SEPARATOR.length) };
}

/** Why a citation is not acceptable, or undefined when it is. */
function citationProblem(citation: unknown): string | undefined {
  if (typeof citation !== "string" || citation.trim() === "") return "no citation";
  const { location, words } = parts(citation);
  if (!LOCATION_SHAPES.some((shape) => shape.test(location))) return `location "${location}" is not a URL, package@version:file or repo@commit:file`;
  if (words !== undefined && words.trim().length < 3) return "the words after the location say nothing";
  return undefined;
}

/** docs/rule-sources.md: location (anchor left out) -> the "pinned at" cell. */
function sourcesTable(): Map<string, string> {
  const text = readFileSync(join(ROOT, "docs/rule-sources.md"), "utf8");
  const rows = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^\| `([^`]+)` \| ([^|]+) \|/.exec(line);
    if (m) rows.set(m[1]!, m[2]!.trim());
  }
  return rows;
}
const withoutAnchor = (location: string) => location.replace(/#[\w.-]+$/, "");

const modules = CONVENTIONS as readonly ConventionModule[];

/** Every rule of a module as [what, citation]. */
function citations(m: ConventionModule): [string, unknown][] {
  const out: [string, unknown][] = [["rules.source", m.rules.source]];
  for (const [key, rule] of Object.entries(m.rules.keys)) out.push([`keys[${key}]`, rule.spec]);
  m.rules.presence.forEach((rule, i) => out.push([`presence[${i}] ${rule.anyOf.join("|")}`, rule.spec]));
  for (const rule of m.rules.keyPatterns ?? []) out.push([`keyPatterns[${rule.display}]`, rule.spec]);
  for (const [name, rule] of Object.entries(m.rules.events ?? {})) out.push([`events[${name}]`, rule.spec]);
  return out;
}

describe("every validation rule cites its source", () => {
  it.each(modules.map((m) => [m.id, m] as const))("%s: every key, pattern, event and presence rule and the rule set have a citation of an accepted shape", (_id, m) => {
    const bad = citations(m)
      .map(([what, citation]) => [what, citationProblem(citation)] as const)
      .filter(([, problem]) => problem !== undefined);
    expect(bad).toEqual([]);
  });

  it("the rule count is what the modules hold (the check above did not walk an empty table)", () => {
    const counts = Object.fromEntries(modules.map((m) => [m.id, citations(m).length]));
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(150);
    expect(counts.genai).toBeGreaterThan(40);
  });

  it("the shape check rejects what is not a citation", () => {
    expect(citationProblem("")).toBe("no citation");
    expect(citationProblem(undefined)).toBe("no citation");
    expect(citationProblem("TODO")).toMatch(/is not a URL/);
    expect(citationProblem("see the docs")).toMatch(/is not a URL/);
    // A repository document needs a commit or tag, a package file a version.
    expect(citationProblem("Arize-ai/openinference:spec/semantic_conventions.md#spans")).toMatch(/is not a URL/);
    expect(citationProblem("Arize-ai/openinference@main:spec/semantic_conventions.md")).toMatch(/is not a URL/);
    expect(citationProblem("@langfuse/core:dist/index.mjs")).toMatch(/is not a URL/);
    expect(citationProblem("@anthropic-ai/claude-agent-sdk-linux-x64@0.3.337:claude")).toBeUndefined();
    expect(citationProblem("google-gemini/gemini-cli@v0.61.0:packages/core/src/telemetry/trace.ts")).toBeUndefined();
    expect(citationProblem("@langfuse/core@5.11.1:dist/index.mjs — ")).toMatch(/say nothing/);
    expect(citationProblem("@langfuse/core@5.11.1:dist/index.mjs")).toBeUndefined();
    expect(citationProblem("open-telemetry/semantic-conventions-genai@9430220:docs/gen-ai/gen-ai-spans.md#inference — Required")).toBeUndefined();
    expect(citationProblem("https://ai-sdk.dev/docs/ai-sdk-core/telemetry")).toBeUndefined();
  });

  const table = sourcesTable();
  const cited = new Set(modules.flatMap((m) => citations(m).map(([, c]) => withoutAnchor(parts(String(c)).location))));

  it("every location cited is listed in docs/rule-sources.md, and every row there is cited", () => {
    expect(table.size).toBeGreaterThan(20);
    expect([...cited].filter((location) => !table.has(location)).sort()).toEqual([]);
    expect([...table.keys()].filter((location) => !cited.has(location)).sort()).toEqual([]);
  });

  it("a repository row names the full commit of the cited short one, or the tag", () => {
    const bad: string[] = [];
    for (const [location, pinned] of table) {
      const repo = REPO_FILE.exec(location);
      if (!repo || PACKAGE_FILE.test(location)) continue;
      const ref = repo[2]!;
      const ok = ref.startsWith("v") ? pinned === `tag ${ref}` : new RegExp(`^commit ${ref}[0-9a-f]{${40 - ref.length}}$`).test(pinned);
      if (!ok) bad.push(`${location}: ${pinned}`);
    }
    expect(bad).toEqual([]);
  });

  it("a package file exists in the installed package at the cited version", () => {
    const checked: string[] = [];
    const bad: string[] = [];
    for (const location of table.keys()) {
      const m = PACKAGE_FILE.exec(location);
      if (!m || location.startsWith("http")) continue;
      const [, name, version, file] = m;
      // Packages of the capture jobs with their own install (scripts/capture/<job>) are installed only there.
      const dirs = [join(ROOT, "node_modules", name!), join(ROOT, "scripts/capture/laminar/node_modules", name!), join(ROOT, "scripts/capture/strands/node_modules", name!)];
      const dir = dirs.find((d) => existsSync(join(d, "package.json")) && (JSON.parse(readFileSync(join(d, "package.json"), "utf8")) as { version: string }).version === version);
      if (dir === undefined) {
        // Not installed at that version: it must at least be what a capture job pins.
        const pinnedBy = ["laminar", "strands"].some((job) => {
          const pkg = JSON.parse(readFileSync(join(ROOT, "scripts/capture", job, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
          return pkg.dependencies?.[name!] === version;
        });
        if (!pinnedBy) bad.push(`${location}: not installed at ${version}, and no capture job pins that version`);
        continue;
      }
      checked.push(location);
      if (!existsSync(join(dir, file!))) bad.push(`${location}: no ${file} in ${name}@${version}`);
    }
    expect(bad).toEqual([]);
    // The root install holds most of them (the check above is not vacuous).
    expect(checked.length).toBeGreaterThan(10);
  });

  it("a finding of a rule carries the rule's citation", () => {
    const found = validateSpan({ name: "s", attributes: { "gen_ai.operation.name": "chat", "gen_ai.system": "openai", "gen_ai.usage.input_tokens": "10" } });
    const rules = (CONVENTIONS as readonly ConventionModule[]).find((m) => m.id === "genai")!.rules;
    expect(found.find((d) => d.code === "deprecated-attribute")?.spec).toBe(rules.keys["gen_ai.system"]!.spec);
    expect(found.find((d) => d.code === "wrong-type")?.spec).toBe(rules.keys["gen_ai.usage.input_tokens"]!.spec);
    expect(found.find((d) => d.code === "attribute-recommended" && d.key === "gen_ai.request.model")?.spec).toBe(rules.presence.find((r) => r.anyOf[0] === "gen_ai.request.model")!.spec);
  });
});
