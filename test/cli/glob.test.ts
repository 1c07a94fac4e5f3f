import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { glob, hasGlob, segmentMatcher } from "../../src/cli/glob.js";
import { expandPaths } from "../../src/cli/paths.js";
import { InputError } from "../../src/cli/read.js";

const expandFiles = (paths: string[]) => expandPaths(paths).files;

describe("path patterns", () => {
  const cwd = process.cwd();
  let root = "";
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "mlflow-semconv-glob-"));
    const files = [
      "traces/a.otlp.json",
      "traces/a.logs.json",
      "traces/a.mlflow.json",
      "traces/b.json",
      "traces/c.jsonl",
      "traces/notes.txt",
      "traces/.hidden.json",
      "traces/run1/d.json",
      "traces/run1/deep/e.json",
      "traces/.cache/f.json",
      "other/g.json",
    ];
    for (const file of files) {
      mkdirSync(join(root, file, ".."), { recursive: true });
      writeFileSync(join(root, file), "{}");
    }
    mkdirSync(join(root, "empty"));
    symlinkSync(join(root, "traces"), join(root, "traces/run1/loop"));
    process.chdir(root);
  });
  afterAll(() => process.chdir(cwd));

  it("* and ? stay within one segment and skip hidden entries", () => {
    expect(glob("traces/*.json")).toEqual(["traces/a.logs.json", "traces/a.mlflow.json", "traces/a.otlp.json", "traces/b.json"]);
    expect(glob("traces/?.json")).toEqual(["traces/b.json"]);
    expect(glob("traces/.*.json")).toEqual(["traces/.hidden.json"]);
    expect(glob("*/g.json")).toEqual(["other/g.json"]);
  });

  it("** matches zero or more directories, not hidden ones, without following links", () => {
    expect(glob("traces/**/*.json").filter((p) => !p.includes("a."))).toEqual(["traces/b.json", "traces/run1/d.json", "traces/run1/deep/e.json"]);
    expect(glob("**/e.json")).toEqual(["traces/run1/deep/e.json"]);
    expect(glob("traces/run1/**")).toEqual(["traces/run1", "traces/run1/d.json", "traces/run1/deep", "traces/run1/deep/e.json", "traces/run1/loop"]);
  });

  it("absolute patterns give absolute paths", () => {
    expect(glob(`${root}/other/*.json`)).toEqual([join(root, "other/g.json")]);
  });

  it("a segment is matched whole, with regex characters taken literally", () => {
    expect(segmentMatcher("a.*")("a.json")).toBe(true);
    expect(segmentMatcher("a.*")("ab.json")).toBe(false);
    expect(segmentMatcher("(x)+?")("(x)+!")).toBe(true);
    expect(hasGlob("traces/*.json")).toBe(true);
    expect(hasGlob("traces/a.json")).toBe(false);
  });

  it("expandPaths: matches are filtered like a directory walk; a logs file beside its traces is joined, not read", () => {
    expect(expandFiles(["traces/*.json"])).toEqual(["traces/a.otlp.json", "traces/b.json"]);
    expect(expandFiles(["traces/a.otlp.json", "traces/a.logs.json"])).toEqual(["traces/a.otlp.json"]);
    expect(expandFiles(["trac?s/run1"])).toEqual(["traces/run1/d.json", "traces/run1/deep/e.json"]);
    expect(expandFiles(["traces/*.txt"])).toEqual(["traces/notes.txt"]);
    expect(expandFiles(["traces/b.json", "traces/*.json"])).toEqual(["traces/b.json", "traces/a.otlp.json"]);
  });

  it("a pattern that matches nothing is an input error naming it", () => {
    expect(() => expandFiles(["traces/*.yaml"])).toThrow(new InputError("traces/*.yaml: no files match this pattern"));
    expect(() => expandFiles(["empty/**/*.json"])).toThrow(/empty\/\*\*\/\*\.json: no files match this pattern/);
    expect(() => expandFiles(["missing.json"])).toThrow(/missing\.json: no such file or directory/);
  });
});

describe("patterns without backtracking", () => {
  /** The reference: the regular expression the matcher replaced (exponential on some patterns). */
  const reference = (segment: string, name: string) => {
    let source = "";
    for (const char of segment) source += char === "*" ? ".*" : char === "?" ? "." : char.replace(/[.+^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`^${source}$`, "s").test(name);
  };

  it("matches exactly what the regular expression matches", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("a", "b", "*", "?", "."), maxLength: 8 }), fc.string({ unit: fc.constantFrom("a", "b", "."), maxLength: 10 }), (segment, name) => {
        expect(segmentMatcher(segment)(name)).toBe(reference(segment, name));
      }),
      { numRuns: 2000 },
    );
  });

  it("a pattern that makes a backtracking matcher exponential is answered at once", () => {
    // A backtracking regex tries every way to place 12 stars in 300 characters before failing.
    const segment = `${"*a".repeat(12)}*b.json`;
    expect(segmentMatcher(segment)(`${"a".repeat(300)}.json`)).toBe(false);
    expect(segmentMatcher(segment)(`${"a".repeat(300)}b.json`)).toBe(true);
  });

  it("six ** over 30 nested directories visit each directory once and find the file", () => {
    const cwd = process.cwd();
    const root = mkdtempSync(join(tmpdir(), "mlflow-semconv-deep-"));
    const parts = Array.from({ length: 30 }, (_, i) => `d${i}`);
    mkdirSync(join(root, ...parts), { recursive: true });
    writeFileSync(join(root, ...parts, "x.json"), "{}");
    writeFileSync(join(root, "d0", "x.json"), "{}");
    process.chdir(root);
    try {
      // Splitting 30 directories among six ** one way after another is C(36, 6) ≈ 1.9 million walks.
      expect(glob("**/**/**/**/**/**/x.json")).toEqual([`${parts.join("/")}/x.json`, "d0/x.json"].sort((a, b) => a.localeCompare(b)));
      expect(glob("g/*a*a*a*a*b.json")).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });
});
