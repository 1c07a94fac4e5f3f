/**
 * Idempotence: translating a span that already carries the `mlflow.*` keys we wrote changes nothing.
 * Checked on every captured fixture, so it covers each convention parser as it lands.
 */
import { describe, expect, it } from "vitest";
import { toMlflowAttributes, toMlflowSpan, type MlflowSpan } from "../../src/index.js";
import { listFixtures, loadFixture } from "../helpers/fixtures.js";

const FIELDS = ["spanType", "inputs", "outputs", "tokenUsage", "model", "provider", "tools", "cost", "messageFormat"] as const;
/** What MLflow can store: JSON, so undefined members disappear. */
const viaJson = (span: MlflowSpan) => JSON.parse(JSON.stringify(Object.fromEntries(FIELDS.map((f) => [f, span[f] ?? null]))));

describe("idempotence on captured fixtures", () => {
  for (const fixture of listFixtures()) {
    it(fixture.id, () => {
      for (const source of loadFixture(fixture)) {
        const once = toMlflowSpan(source);
        const twice = toMlflowSpan({ ...source, attributes: toMlflowAttributes(once) });
        expect(viaJson(twice)).toEqual(viaJson(once));
        expect(toMlflowAttributes(twice)).toEqual(toMlflowAttributes(once));
      }
    });
  }
});
