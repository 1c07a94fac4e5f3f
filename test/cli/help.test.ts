/**
 * The convention lists in `--help` come from CONVENTIONS: `validate --convention` names every
 * convention id, `convert --to` every emit target written as OTLP (mlflow is `--to mlflow`, MLflow's
 * stored span), and nothing else; the wrapping keeps them readable when the list grows.
 */
import { describe, expect, it } from "vitest";
import { alternatives } from "../../src/cli/help.js";
import { convertCommand } from "../../src/cli/convert.js";
import { validateCommand } from "../../src/cli/validate.js";
import { CONVENTION_IDS, EMIT_TARGETS } from "../../src/index.js";

/** The `a | b | c` list in `help` between `before` and `after`, wrapped lines joined. */
function listIn(help: string, before: string, after: string): string[] {
  const start = help.indexOf(before);
  expect(start, before).toBeGreaterThan(-1);
  const end = help.indexOf(after, start + before.length);
  expect(end, after).toBeGreaterThan(-1);
  return help.slice(start + before.length, end).split("|").map((s) => s.trim());
}

describe("--help lists the conventions of this build", () => {
  it("validate --convention: every convention id, in CONVENTIONS order", () => {
    expect(listIn(validateCommand.help, "against the ones it uses): ", "\n  --require")).toEqual([...CONVENTION_IDS]);
  });

  it("convert --to: every emit target but mlflow, in CONVENTIONS order", () => {
    const targets = listIn(convertCommand.help, "canonical: the MlflowSpan object;\n", ": one OTLP/JSON request");
    expect(targets).toEqual(EMIT_TARGETS.filter((t) => t !== "mlflow"));
    expect(convertCommand.summary).toContain(targets.join(" / "));
  });

  it("the lines that list conventions are at most 100 columns wide", () => {
    const listing = (line: string) => CONVENTION_IDS.some((id) => line.includes(` ${id} |`) || line.includes(`| ${id}`));
    for (const help of [validateCommand.help, convertCommand.help]) {
      const lines = help.split("\n").filter(listing);
      expect(lines.length).toBeGreaterThan(0);
      for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(100);
    }
  });

  it("alternatives wraps a long list at the description column, every value kept once", () => {
    const ids = Array.from({ length: 16 }, (_, i) => `convention-${i}`);
    const text = alternatives(ids, 22, 50);
    const lines = text.split("\n");
    expect(lines.length).toBeGreaterThan(2);
    expect(lines[0]!.length).toBeLessThanOrEqual(50);
    for (const line of lines.slice(1)) {
      expect(line.startsWith(" ".repeat(22))).toBe(true);
      expect(line.length).toBeLessThanOrEqual(100);
    }
    expect(text.split("|").map((s) => s.trim())).toEqual(ids);
    expect(alternatives(["a"], 4, 10)).toBe("a");
  });
});
