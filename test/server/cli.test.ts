/** `mlflow-semconv serve` as a process: start line, progress on stderr, SIGTERM flushes, usage errors. */
import { afterEach, describe, expect, it } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MockMlflow, attributeMap, waitFor } from "./helpers.js";
import { parseServeArgs } from "../../src/cli/serve.js";
import { listFixtures } from "../helpers/fixtures.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const fixture = listFixtures().find((f) => f.id === "genai/otel-openai__chat")!;

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.pid) process.kill(child.pid, "SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function spawnServe(args: string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "serve", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = (async () => {
    await waitFor(() => /listening on (http:\/\/\S+)/.test(stderr) || child.exitCode !== null, "the listening line", 25_000);
    const match = /listening on (http:\/\/\S+)/.exec(stderr);
    if (!match) throw new Error(`serve did not start: ${stderr}`);
    return match[1]!;
  })();
  url.catch(() => undefined); // a test that expects a usage error never awaits it
  return { child, url, exited, stderr: () => stderr };
}

describe("mlflow-semconv serve (process)", () => {
  it("SIGTERM releases the span held for its logs, delivers it, prints the progress and exits 0", async () => {
    const mlflow = await new MockMlflow().start();
    try {
      const serve = spawnServe(["--mlflow", mlflow.url, "--experiment-id", "42", "--port", "0", "--join-window-ms", "600000", "--progress-ms", "50"]);
      const url = await serve.url;
      const posted = await fetch(`${url}/v1/traces`, { method: "POST", body: readFileSync(fixture.tracePath), headers: { "content-type": "application/json" } });
      expect(posted.status).toBe(200);
      const health = (await (await fetch(`${url}/healthz`)).json()) as { held: number };
      expect(health.held).toBe(1);
      await waitFor(() => /buffered 1 .*1 held for logs/.test(serve.stderr()), "a progress line showing the held span");
      expect(mlflow.spans()).toHaveLength(0);
      serve.child.kill("SIGTERM");
      expect(await serve.exited).toBe(0);
      expect(mlflow.spans()).toHaveLength(1);
      expect(mlflow.requests[0]!.headers["x-mlflow-experiment-id"]).toBe("42");
      expect(attributeMap(mlflow.spans()[0]!)["mlflow.spanType"]).toBe('"CHAT_MODEL"');
      expect(serve.stderr()).toMatch(/serve: in 1 \(genai 1\) out 1 \(genai 1\) buffered 0 .* dropped 0/);
    } finally {
      await mlflow.stop();
    }
  });

  it("SIGTERM with the upstream down: what cannot be delivered by the deadline goes to the spill file", async () => {
    const mlflow = await new MockMlflow().start();
    await mlflow.stop();
    const dir = mkdtempSync(join(tmpdir(), "serve-spill-"));
    dirs.push(dir);
    const spill = join(dir, "unsent.jsonl");
    const serve = spawnServe(["--mlflow", mlflow.url, "--experiment-id", "1", "--port", "0", "--join-window-ms", "0", "--shutdown-timeout-ms", "500", "--spill-file", spill, "--progress-ms", "0"]);
    const url = await serve.url;
    expect((await fetch(`${url}/v1/traces`, { method: "POST", body: readFileSync(fixture.tracePath), headers: { "content-type": "application/json" } })).status).toBe(200);
    await waitFor(() => /retrying with backoff/.test(serve.stderr()), "the first failed attempt");
    serve.child.kill("SIGTERM");
    expect(await serve.exited).toBe(0);
    const lines = readFileSync(spill, "utf8").trim().split("\n");
    expect(lines).toHaveLength(1);
    const span = JSON.parse(lines[0]!).resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.attributes.find((a: { key: string }) => a.key === "mlflow.spanType").value.stringValue).toBe('"CHAT_MODEL"');
    expect(serve.stderr()).toMatch(/spilled 1/);
  });

  it("--out appends OTLP/JSON lines", async () => {
    const dir = mkdtempSync(join(tmpdir(), "serve-out-"));
    dirs.push(dir);
    const out = join(dir, "spans.jsonl");
    const serve = spawnServe(["--out", out, "--port", "0", "--progress-ms", "0", "--join-window-ms", "0"]);
    const url = await serve.url;
    for (let i = 0; i < 2; i++) {
      expect((await fetch(`${url}/v1/traces`, { method: "POST", body: readFileSync(fixture.tracePath), headers: { "content-type": "application/json" } })).status).toBe(200);
    }
    serve.child.kill("SIGINT");
    expect(await serve.exited).toBe(0);
    expect(readFileSync(out, "utf8").trim().split("\n")).toHaveLength(2);
  });

  it("usage errors exit 2 with the reason", async () => {
    for (const [args, reason] of [
      [[], "either --mlflow"],
      [["--mlflow", "http://127.0.0.1:1"], "--experiment-id"],
      [["--out", "x", "--mlflow", "http://127.0.0.1:1"], "either --mlflow"],
      [["--out", "x", "--port", "abc"], "--port must be"],
      [["--mlflow", "ftp://x", "--experiment-id", "1"], "http(s)"],
      [["--mlflow", "http://127.0.0.1:1", "--experiment-id", "1", "--header", "novalue"], "K=V"],
    ] as const) {
      expect(() => parseServeArgs([...args], () => {}), JSON.stringify(args)).toThrow(reason);
    }
    const serve = spawnServe(["--out"]);
    expect(await serve.exited).toBe(2);
    expect(serve.stderr()).toMatch(/mlflow-semconv serve: .*--out/);
  });

  it("--header and --experiment-id reach the options", () => {
    const options = parseServeArgs(["--mlflow", "http://127.0.0.1:5000/", "--experiment-id", "3", "--header", "Authorization=Bearer a=b", "--port", "0"], () => {});
    expect(options).toMatchObject({ mlflow: "http://127.0.0.1:5000/", experimentId: "3", headers: { authorization: "Bearer a=b" }, port: 0, host: "127.0.0.1" });
  });
});
