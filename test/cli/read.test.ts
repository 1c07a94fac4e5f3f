import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, MAX_BAD_LINES, readSpans } from "../../src/cli/read.js";

const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-read-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const request = (name: string) => JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name, attributes: [] }] }] }] });

async function read(path: string, collect?: InputError[]) {
  const names: string[] = [];
  for await (const { spans } of readSpans(path, undefined, collect ? (e) => collect.push(e) : undefined)) names.push(...spans.map((s) => s.name ?? ""));
  return names;
}

describe("readSpans", () => {
  it("a pretty-printed document (first line not a whole document) is read whole", async () => {
    expect(await read(file("pretty.json", JSON.stringify(JSON.parse(request("p")), null, 2)))).toEqual(["p"]);
  });

  it("JSON Lines: without a callback the first bad line throws, naming file:line", async () => {
    const path = file("bad.jsonl", `${request("a")}\n\n${request("b")}\n[1,\n${request("c")}\n`);
    await expect(read(path)).rejects.toThrow(new RegExp(`^${path}:4: not a complete JSON document`));
    await expect(read(path)).rejects.toMatchObject({ file: path, line: 4 });
  });

  it("JSON Lines: with a callback every bad line is reported and the good ones are read", async () => {
    const path = file("some-bad.jsonl", `${request("a")}\n[1,\n${request("b")}\n"x"\n${request("c")}\n`);
    const errors: InputError[] = [];
    expect(await read(path, errors)).toEqual(["a", "b", "c"]);
    expect(errors.map((e) => [e.line, e.file])).toEqual([
      [2, path],
      [4, path],
    ]);
    expect(errors[1]!.message).toMatch(/:4: .*ExportTraceServiceRequest/);
  });

  it(`gives up on a file after ${MAX_BAD_LINES} bad lines`, async () => {
    const path = file("garbage.jsonl", `${request("a")}\n${"{\n".repeat(MAX_BAD_LINES + 5)}${request("never")}\n`);
    const errors: InputError[] = [];
    expect(await read(path, errors)).toEqual(["a"]);
    expect(errors).toHaveLength(MAX_BAD_LINES + 1);
    expect(errors.at(-1)!.message).toBe(`${path}: ${MAX_BAD_LINES} unreadable lines; the rest of the file was not read`);
  });

  it("a document that is not JSON at all throws even with a callback (the file as a whole is unusable)", async () => {
    const path = file("broken.json", '{\n  "resourceSpans": [\n');
    await expect(read(path, [])).rejects.toThrow(new RegExp(`^${path}: not JSON or JSON Lines \\(`));
  });
});
