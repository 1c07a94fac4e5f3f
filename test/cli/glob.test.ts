import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { glob, hasGlob, segmentMatcher } from "../../src/cli/glob.js";
import { expandPaths, InputError } from "../../src/cli/read.js";

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
