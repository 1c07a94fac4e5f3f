/**
 * Golden files, one runner for both directions (reviewed by eye whenever they change):
 * - parse: every captured fixture `fixtures/<dir>/<case>.otlp.json` -> `<case>.mlflow.json`;
 * - emit: every hand-written canonical span `fixtures/emit/<case>.canonical.json` -> `<case>.<target>.otlp.json`
 *   for each module of CONVENTIONS with an emitter, so a new writable convention gets its goldens by
 *   adding files (run with UPDATE_GOLDEN and review them).
 * Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden`, or `UPDATE_GOLDEN=<text>` to limit it to
 * ids containing that text (`openinference/`, `emit/chat-tools`, `.genai.`).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONVENTIONS } from "../../src/conventions/index.js";
import type { ConventionModule } from "../../src/conventions/types.js";
import { decodeOtlpJson, encodeOtlpJson, fromMlflowSpan, isMlflowSpan, toMlflowSpan, type EmitTarget, type MlflowSpan } from "../../src/index.js";
import { EMIT_FIXTURES, listFixtures, loadFixture } from "../helpers/fixtures.js";

const update = process.env.UPDATE_GOLDEN;

/** Compares `actual` with the golden at `path`, or writes it when UPDATE_GOLDEN selects `id`. */
function checkGolden(id: string, path: string, actual: string): void {
  if (update && (update === "1" || id.includes(update))) {
    writeFileSync(path, actual);
    return;
  }
  expect(existsSync(path), `missing golden ${path}; run with UPDATE_GOLDEN=${id}`).toBe(true);
  expect(actual).toBe(readFileSync(path, "utf8"));
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

describe("parse: captured fixture -> <case>.mlflow.json", () => {
  for (const fixture of listFixtures()) {
    it(fixture.id, () => {
      checkGolden(fixture.id, fixture.goldenPath, json(loadFixture(fixture.id).map((span) => toMlflowSpan(span))));
    });
  }
});

/** The emit targets, read from the modules themselves (not from a list kept by hand). */
const WRITABLE = (CONVENTIONS as readonly ConventionModule[]).filter((m) => m.emit !== undefined);
const CASES = readdirSync(EMIT_FIXTURES)
  .filter((name) => name.endsWith(".canonical.json"))
  .map((name) => name.slice(0, -".canonical.json".length))
  .sort();

describe("emit: fixtures/emit/<case>.canonical.json -> <case>.<target>.otlp.json", () => {
  it("has the cases issue 11 asks for, and every target has exactly one golden per case", () => {
    expect(CASES).toEqual(["agent", "chat-tools", "embedding", "error", "retriever", "stream-reasoning-image", "tool-result", "usage-cache-reasoning"]);
    const goldens = readdirSync(EMIT_FIXTURES).filter((name) => name.endsWith(".otlp.json")).sort();
    // No golden left behind by a removed case or target.
    expect(goldens).toEqual(CASES.flatMap((c) => WRITABLE.map((m) => `${c}.${m.id}.otlp.json`)).sort());
  });

  for (const name of CASES) {
    const canonical: unknown = JSON.parse(readFileSync(join(EMIT_FIXTURES, `${name}.canonical.json`), "utf8"));
    it(`${name}: the input is a canonical span`, () => {
      expect(isMlflowSpan(canonical)).toBe(true);
    });
    for (const module of WRITABLE) {
      const to = module.id as EmitTarget;
      const id = `emit/${name}.${to}`;
      it(id, () => {
        const request = encodeOtlpJson([fromMlflowSpan(canonical as MlflowSpan, { to })]);
        const path = join(EMIT_FIXTURES, `${name}.${to}.otlp.json`);
        checkGolden(id, path, json(request));
        // The golden is OTLP/JSON this library reads back as the target convention.
        const [back, ...rest] = decodeOtlpJson(readFileSync(path, "utf8")).map((span) => toMlflowSpan(span));
        expect(rest).toEqual([]);
        expect(back!.conventions).toContain(to);
        expect(back!.name).toBe((canonical as MlflowSpan).name);
        expect(back!.status?.code ?? "UNSET").toBe((canonical as MlflowSpan).status?.code ?? "UNSET");
      });
    }
  }
});
