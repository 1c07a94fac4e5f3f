/** Loading the captured fixtures (trace file plus the optional sibling `.logs.json`). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { decodeOtlpJson, type DecodedSpan } from "../../src/index.js";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const FIXTURES = join(ROOT, "fixtures");
/**
 * Hand-written canonical spans and what each emitter writes for them (test/golden/golden.test.ts). Not
 * captures: `listFixtures` leaves the folder out, so the tests of real instrumentation data never see them.
 */
export const EMIT_FIXTURES = join(FIXTURES, "emit");

export interface Fixture {
  /** e.g. "openinference/openinference-openai__chat" */
  id: string;
  tracePath: string;
  logsPath?: string;
  goldenPath: string;
}

export function listFixtures(dir = FIXTURES): Fixture[] {
  const out: Fixture[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== EMIT_FIXTURES) out.push(...listFixtures(path));
    }
    else if (entry.name.endsWith(".otlp.json")) {
      const base = path.slice(0, -".otlp.json".length);
      const logsPath = `${base}.logs.json`;
      const fixture: Fixture = { id: relative(FIXTURES, base), tracePath: path, goldenPath: `${base}.mlflow.json` };
      if (existsSync(logsPath)) fixture.logsPath = logsPath;
      out.push(fixture);
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

export function loadFixture(fixture: Fixture | string): DecodedSpan[] {
  const f = typeof fixture === "string" ? listFixtures().find((x) => x.id === fixture) : fixture;
  if (!f) throw new Error(`no fixture ${String(fixture)}`);
  const trace = readFileSync(f.tracePath, "utf8");
  return f.logsPath ? decodeOtlpJson(trace, { logs: readFileSync(f.logsPath, "utf8") }) : decodeOtlpJson(trace);
}
