/**
 * The test tree mirrors src: the tests of `src/<dir>/` are in `test/<dir>/`, and those of a convention
 * `src/conventions/<id>/` in `test/conventions/<id>/`. The few folders and root files that do not
 * mirror a source folder test across it, each listed here with the reason.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/fixtures.js";

const dirs = (path: string) => readdirSync(path).filter((name) => statSync(join(path, name)).isDirectory()).sort();
const files = (path: string) => readdirSync(path).filter((name) => statSync(join(path, name)).isFile()).sort();

/** Test folders that cut across src, and why. */
const CROSS_CUTTING: Readonly<Record<string, string>> = {
  bench: "the benchmark harness's own code (bench/, outside src/): its argument parsing",
  dist: "the built package (dist/, exports map, CommonJS and ESM entry points), not one source folder",
  golden: "reviewed goldens of whole translations in both directions (fixtures/), through every layer",
  helpers: "shared test code (fixture loading, CLI runner, generators), no tests of its own",
  hostile: "the bounds on hostile input, enforced together by internal/, readers/ and pipeline/",
  properties: "fast-check properties of the public API across conventions (round trips, nothing lost, never throws)",
};

/** Test files at the root of test/, and why. */
const ROOT_FILES: Readonly<Record<string, string>> = {
  "docs.test.ts": "the README against the source (diagnostic codes, the convention table)",
  "layout.test.ts": "this file: the layout of test/ itself",
};

describe("test/ mirrors src/", () => {
  const src = join(ROOT, "src");
  const test = join(ROOT, "test");

  it("every src/<dir>/ has test/<dir>/", () => {
    expect(dirs(src).filter((d) => !dirs(test).includes(d))).toEqual([]);
  });

  it("every convention folder src/conventions/<id>/ has test/conventions/<id>/", () => {
    const conventions = dirs(join(src, "conventions"));
    expect(conventions.filter((d) => !dirs(join(test, "conventions")).includes(d))).toEqual([]);
  });

  it("every test/<dir>/ mirrors a source folder or is listed as cross-cutting", () => {
    expect(dirs(test).filter((d) => !dirs(src).includes(d) && !(d in CROSS_CUTTING))).toEqual([]);
    // A listed exception that became a source folder, or went away, is stale.
    for (const d of Object.keys(CROSS_CUTTING)) {
      expect(dirs(src), d).not.toContain(d);
      expect(dirs(test), d).toContain(d);
    }
  });

  it("test/conventions/ holds only folders of conventions", () => {
    expect(dirs(join(test, "conventions")).filter((d) => !dirs(join(src, "conventions")).includes(d))).toEqual([]);
  });

  it("the root of test/ holds only the listed files", () => {
    expect(files(test)).toEqual(Object.keys(ROOT_FILES).sort());
  });
});
