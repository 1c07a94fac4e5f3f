/**
 * Golden files: each fixture's translation is compared with `<fixture>.mlflow.json`, which is
 * reviewed by eye when it changes. Regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden`
 * (optionally `UPDATE_GOLDEN=openinference` to limit to fixture ids containing that text).
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { toMlflowSpan } from "../../src/index.js";
import { listFixtures, loadFixture } from "../helpers/fixtures.js";

const update = process.env.UPDATE_GOLDEN;

function render(id: string): string {
  const spans = loadFixture(id).map((span) => toMlflowSpan(span));
  return `${JSON.stringify(spans, null, 2)}\n`;
}

describe("golden translations of captured fixtures", () => {
  for (const fixture of listFixtures()) {
    it(fixture.id, () => {
      const actual = render(fixture.id);
      if (update && (update === "1" || fixture.id.includes(update))) {
        writeFileSync(fixture.goldenPath, actual);
        return;
      }
      expect(existsSync(fixture.goldenPath), `missing golden ${fixture.goldenPath}; run with UPDATE_GOLDEN=1`).toBe(true);
      expect(actual).toBe(readFileSync(fixture.goldenPath, "utf8"));
    });
  }
});
