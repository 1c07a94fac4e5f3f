/**
 * End-to-end memory check of the CLI on a big file: writes a JSON Lines file of the captured fixtures
 * (each OTLP document on one line, repeated) to the temp directory, runs the built CLI
 * (`dist/cli.js convert`) on it with the output discarded, and prints the file size, spans, time and
 * the child's peak RSS. Streaming means the RSS must not grow with the file.
 *
 *   npm run build && npx tsx bench/convert-large.ts [size in MiB, default 1024] [--to mlflow|genai|…]
 */
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CLI = join(ROOT, "dist", "cli.js");
const args = process.argv.slice(2);
const toIndex = args.indexOf("--to");
const target = toIndex >= 0 ? args[toIndex + 1]! : "mlflow";
const sizeMiB = Number(args.find((a, i) => !a.startsWith("--") && !(toIndex >= 0 && i === toIndex + 1)) ?? 1024);

if (!existsSync(CLI)) {
  console.error("dist/cli.js is missing: run `npm run build` first");
  process.exit(2);
}

/** Every captured trace document, each as one JSON line, with its span count. */
function fixtureLines(): { line: string; spans: number }[] {
  const out: { line: string; spans: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".otlp.json")) {
        const doc = JSON.parse(readFileSync(path, "utf8")) as { resourceSpans?: { scopeSpans?: { spans?: unknown[] }[] }[] };
        let spans = 0;
        for (const rs of doc.resourceSpans ?? []) for (const ss of rs.scopeSpans ?? []) spans += ss.spans?.length ?? 0;
        out.push({ line: `${JSON.stringify(doc)}\n`, spans });
      }
    }
  };
  walk(join(ROOT, "fixtures"));
  return out;
}

async function writeFile(path: string, bytes: number): Promise<{ bytes: number; spans: number }> {
  const lines = fixtureLines();
  const out = createWriteStream(path);
  let written = 0;
  let spans = 0;
  while (written < bytes) {
    for (const { line, spans: n } of lines) {
      if (!out.write(line)) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
      written += Buffer.byteLength(line);
      spans += n;
    }
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return { bytes: written, spans };
}

const dir = mkdtempSync(join(tmpdir(), "mlflow-semconv-convert-"));
try {
  const file = join(dir, "big.jsonl");
  const { bytes, spans } = await writeFile(file, sizeMiB * 1024 * 1024);
  const started = process.hrtime.bigint();
  const result = spawnSync(
    process.execPath,
    ["--input-type=module", "-e", `process.on("exit", () => process.stderr.write("\\nRSS_KB=" + process.resourceUsage().maxRSS)); process.argv.splice(1, 0, ${JSON.stringify(CLI)}); await import(${JSON.stringify(CLI)});`, "convert", file, "--to", target, "--out", "/dev/null"],
    { encoding: "utf8", stdio: ["ignore", "ignore", "pipe"], input: undefined },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /RSS_KB=(\d+)/.exec(result.stderr ?? "");
  if (result.status !== 0 || !rss) {
    console.error(`convert failed (exit ${result.status}):\n${result.stderr}`);
    process.exit(1);
  }
  const mib = (n: number) => (n / 1024 / 1024).toFixed(0);
  console.log(`convert --to ${target}: ${mib(bytes)} MiB JSON Lines, ${spans.toLocaleString("en-US")} spans, ${seconds.toFixed(1)} s ` +
    `(${Math.round(spans / seconds).toLocaleString("en-US")} spans/s, ${(bytes / 1024 / 1024 / seconds).toFixed(1)} MiB/s), peak RSS ${mib(Number(rss[1]) * 1024)} MiB`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
