/**
 * `npm run size`: the bundle a user pays for, measured the way a server or edge function bundles the
 * library (esbuild, ESM, minified, gzip -9; the package's ESM for bundlers is one file per module, so
 * bundling the sources measures what a user's bundler keeps). Issue 11 set the goals: the
 * toMlflowSpan + toMlflowAttributes path under 40 KB, the whole API under 60 KB, when the project read
 * five conventions.
 *
 * `mlflow-semconv/translator`, where a program chooses its conventions, meets them for those five:
 * `createTranslator` over their readers (40), and `createFullTranslator` over their modules with every
 * other export of the main entry (60, for the API the goal was set for: without the protobuf codec and
 * `summarizeTrace`, added since). Those rows are limits: the script fails when one is over. The main
 * entry's rows read all sixteen conventions, and the whole API over five with today's surface is
 * reported too; they are measured against the goals, marked "over", without failing the script
 * (docs/architecture.md "Bundle size" says why).
 *
 * `npm run size -- --analyze` also lists, per bundle, the minified bytes of each area of the code and the
 * source files that weigh most (from esbuild's metafile); for the translation path what each
 * convention's reader adds (gzip bytes saved by bundling without it); and for the whole API what each
 * group of exports adds on top of the translation path: where to look when a bundle grows.
 */
import { build, type Plugin } from "esbuild";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TRANSLATE = `export { toMlflowSpan, toMlflowAttributes } from "./src/index.ts";`;
/** A translator over some readers of `mlflow-semconv/translator`, with toMlflowAttributes. */
const translator = (readers: readonly string[]) =>
  `import { createTranslator, toMlflowAttributes, ${readers.join(", ")} } from "./src/translator.ts";
   export const { toMlflowSpan } = createTranslator({ conventions: [${readers.join(", ")}] });
   export { toMlflowAttributes };`;
/** The five conventions' modules, for createFullTranslator. */
const FIVE_MODULES = ["mlflowModule", "openinferenceModule", "openllmetryModule", "vercelAiModule", "genaiModule"];
/** The main entry's value exports that do not depend on the convention list (codecs, summarizeTrace, constants, ...). */
const CONVENTION_KEYED = new Set(["toMlflowSpan", "fromMlflowSpan", "validateSpan", "detectConventions", "CONVENTION_IDS", "EMIT_TARGETS"]);
const REST = Object.keys(await import("../src/index.js")).filter((name) => !CONVENTION_KEYED.has(name));
/** Added to the API after the 60 KB goal was set (issues 12 and 15). */
const ADDED_SINCE = new Set(["decodeOtlpProtobuf", "decodeOtlpLogsProtobuf", "encodeOtlpProtobuf", "summarizeTrace", "PREVIEW_MAX_LENGTH"]);
/** createFullTranslator over the five modules, with the given exports of the main entry: the whole API over five conventions. */
const fullApi = (rest: readonly string[]) =>
  `import { createFullTranslator, ${FIVE_MODULES.join(", ")} } from "./src/translator.ts";
   export const { toMlflowSpan, fromMlflowSpan, validateSpan, detectConventions, conventions, emitTargets } = createFullTranslator({ conventions: [${FIVE_MODULES.join(", ")}] });
   export { ${rest.join(", ")} } from "./src/index.ts";`;
interface Case {
  readonly name: string;
  readonly code: string;
  readonly limitKb: number | undefined;
  /** Over the limit fails the script; otherwise the row is reported against a goal. */
  readonly enforced: boolean;
}
const CASES: readonly Case[] = [
  { name: "toMlflowSpan + toMlflowAttributes (16 conventions)", code: TRANSLATE, limitKb: 40, enforced: false },
  { name: "the whole API (mlflow-semconv)", code: `export * from "./src/index.ts";`, limitKb: 60, enforced: false },
  { name: "mlflow-semconv/schemas (zod)", code: `export * from "./src/schemas/index.ts";`, limitKb: undefined, enforced: false },
  {
    name: "mlflow-semconv/translator: mlflow, openinference, openllmetry, vercel-ai, genai + toMlflowAttributes",
    code: translator(["mlflowReader", "openinferenceReader", "openllmetryReader", "vercelAiReader", "genaiReader"]),
    limitKb: 40,
    enforced: true,
  },
  { name: "mlflow-semconv/translator: mlflow, genai + toMlflowAttributes", code: translator(["mlflowReader", "genaiReader"]), limitKb: 40, enforced: true },
  {
    name: "mlflow-semconv/translator: all 16 readers + toMlflowAttributes",
    code: translator(Object.keys(await import("../src/translator.js")).filter((name) => name.endsWith("Reader"))),
    limitKb: undefined,
    enforced: false,
  },
  {
    name: "the whole API over mlflow, openinference, openllmetry, vercel-ai, genai, as when the goal was set (createFullTranslator + the main entry's other exports, without the protobuf codec and summarizeTrace)",
    code: fullApi(REST.filter((name) => !ADDED_SINCE.has(name))),
    limitKb: 60,
    enforced: true,
  },
  { name: "the whole API over the same five, today's surface (with the protobuf codec and summarizeTrace)", code: fullApi(REST), limitKb: 60, enforced: false },
  { name: "the whole API over mlflow + genai, today's surface", code: fullApi(REST).replaceAll(`${FIVE_MODULES.join(", ")}`, "mlflowModule, genaiModule"), limitKb: undefined, enforced: false },
];
const analyze = process.argv.includes("--analyze");

async function bundle(code: string, plugins: Plugin[] = []) {
  const result = await build({
    stdin: { contents: code, resolveDir: ROOT, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    metafile: analyze,
    outfile: "bundle.js",
    logLevel: "error",
    plugins,
  });
  const bytes = result.outputFiles[0]!.contents;
  return { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, metafile: result.metafile };
}

const kb = (n: number) => (n / 1024).toFixed(1);
/** The conventions of the project when issue 11 set the limits (the rest were added since). */
const FIRST_FIVE: readonly string[] = ["mlflow", "openinference", "openllmetry", "vercel-ai", "genai"];

/** readers.ts without one reader: its import line and its line in READERS. */
function withoutEntry(source: string, name: string): string {
  return source.replace(new RegExp(`^import \\{ ${name} \\}.*$`, "m"), "").replace(new RegExp(`^\\s*${name},\\s*$`, "m"), "");
}

/** The part of the code an input file belongs to, for the `--analyze` summary. */
function areaOf(file: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file);
  if (dependency) return `dependency ${dependency[1]}`;
  if (/^src\/conventions\/[^/]+\/(emit|messages-write)\.ts$/.test(file)) return "emitters";
  if (/^src\/conventions\/([^/]+\/)?(rules|rule-types)\.ts$/.test(file)) return "validation rules";
  if (/^src\/conventions\/([^/]+\/)?losses\.ts$/.test(file)) return "declared losses (docs and tests only)";
  if (file.startsWith("src/conventions/mlflow/encode")) return "toMlflowAttributes (mlflow/encode.ts)";
  if (/^src\/conventions\/[^/]+\//.test(file)) return "parsers: conventions/<id>/ keys, tables, parse";
  if (file.startsWith("src/readers/")) return "readers/ (shared by the parsers: context, usage, gemini, langchain, ...)";
  if (file === "src/otlp/span-like.ts") return "otlp/span-like.ts (the envelope of any span shape)";
  if (file.startsWith("src/otlp/")) return "otlp/ codecs (JSON, protobuf)";
  return file.replace(/^(src\/[^/]+)\/.*$/, "$1/");
}
let failed = false;
const details: string[] = [];
console.log("| bundle | minified KB | gzip KB | limit or goal (gzip) |\n|---|---:|---:|---:|");
for (const c of CASES) {
  const { bytes, gzip, metafile } = await bundle(c.code);
  const over = c.limitKb !== undefined && gzip > c.limitKb * 1024;
  failed ||= over && c.enforced;
  const limit = c.limitKb === undefined ? "–" : c.enforced ? `limit ${c.limitKb}${over ? " **over**" : ""}` : `goal ${c.limitKb}${over ? " (over, not enforced)" : ""}`;
  console.log(`| ${c.name} | ${kb(bytes)} | ${kb(gzip)} | ${limit} |`);
  if (metafile) {
    const inputs = Object.entries(Object.values(metafile.outputs)[0]!.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    const areas = new Map<string, number>();
    for (const [file, v] of inputs) areas.set(areaOf(file), (areas.get(areaOf(file)) ?? 0) + v.bytesInOutput);
    details.push(
      `\n${c.name}: minified KB by area`,
      ...[...areas].sort((a, b) => b[1] - a[1]).map(([area, n]) => `  ${kb(n).padStart(5)}  ${area}`),
      `${c.name}: the heaviest inputs (minified KB)`,
      ...inputs.slice(0, 15).map(([file, v]) => `  ${kb(v.bytesInOutput).padStart(5)}  ${file}`),
    );
  }
}

if (analyze) {
  console.log(details.join("\n"));
  // What each convention adds to the translation path: bundle it with that reader left out of READERS.
  const readersFile = path.join(ROOT, "src/conventions/readers.ts");
  const source = readFileSync(readersFile, "utf8");
  const names = [...source.matchAll(/^import \{ (\w+) \} from "\.\/([\w-]+)\/reader\.js";$/gm)].map((m) => [m[1]!, m[2]!] as const);
  const base = (await bundle(TRANSLATE)).gzip;
  const rows: [string, number][] = [];
  for (const [name, id] of names) {
    const without: Plugin = {
      name: "without-reader",
      setup(b) {
        b.onLoad({ filter: /conventions[\\/]readers\.ts$/ }, () => ({
          contents: withoutEntry(source, name),
          loader: "ts",
        }));
      },
    };
    rows.push([id, base - (await bundle(TRANSLATE, [without])).gzip]);
  }
  rows.sort((a, b) => b[1] - a[1]);
  const sum = rows.reduce((s, [, n]) => s + n, 0);
  console.log(`\ntoMlflowSpan + toMlflowAttributes: gzip KB each convention adds (${kb(sum)} of ${kb(base)} in all; the rest is shared)`);
  for (const [id, n] of rows) console.log(`  ${kb(n).padStart(5)}  ${id}`);

  // What the whole API adds to the translation path, one group of exports at a time.
  const GROUPS = [
    ["fromMlflowSpan (the emitters)", "fromMlflowSpan"],
    ["validateSpan (the validation rules)", "validateSpan"],
    ["CONVENTION_IDS, EMIT_TARGETS (every module object: emitters and rules)", "CONVENTION_IDS, EMIT_TARGETS"],
    ["decodeOtlpJson, encodeOtlpJson", "decodeOtlpJson, encodeOtlpJson"],
    ["decodeOtlpProtobuf, decodeOtlpLogsProtobuf, encodeOtlpProtobuf", "decodeOtlpProtobuf, decodeOtlpLogsProtobuf, encodeOtlpProtobuf"],
    ["summarizeTrace", "summarizeTrace"],
  ] as const;
  const whole = (await bundle(CASES[1]!.code)).gzip;
  console.log(`\nthe whole API: gzip KB each group of exports adds to the translation path (${kb(base)} -> ${kb(whole)} in all; groups share code, so they overlap)`);
  for (const [label, names] of GROUPS) {
    const n = (await bundle(`export { toMlflowSpan, toMlflowAttributes, ${names} } from "./src/index.ts";`)).gzip - base;
    console.log(`  ${kb(n).padStart(5)}  ${label}`);
  }

  // Both bundles with only the five conventions the limits were set for (issue 11): what the shared
  // code and those parsers weigh, apart from the conventions added since.
  const modulesFile = path.join(ROOT, "src/conventions/index.ts");
  const modulesSource = readFileSync(modulesFile, "utf8");
  const modules = [...modulesSource.matchAll(/^import \{ (\w+) \} from "\.\/([\w-]+)\/index\.js";$/gm)].map((m) => [m[1]!, m[2]!] as const);
  const keep = (id: string) => FIRST_FIVE.includes(id);
  if (!/^export const CONVENTIONS = \[.*\] as const;$/m.test(modulesSource) || modules.filter(([, id]) => keep(id)).length !== FIRST_FIVE.length) {
    throw new Error("size.ts: the CONVENTIONS line of src/conventions/index.ts changed shape; update the five-convention analysis");
  }
  const onlyFive: Plugin = {
    name: "only-the-first-five",
    setup(b) {
      b.onLoad({ filter: /conventions[\\/]readers\.ts$/ }, () => ({
        contents: names.filter(([, id]) => !keep(id)).reduce((text, [name]) => withoutEntry(text, name), source),
        loader: "ts",
      }));
      b.onLoad({ filter: /src[\\/]conventions[\\/]index\.ts$/ }, () => ({
        contents: modulesSource.replace(/^export const CONVENTIONS = \[.*\] as const;$/m, `export const CONVENTIONS = [${modules.filter(([, id]) => keep(id)).map(([name]) => name).join(", ")}] as const;`),
        loader: "ts",
      }));
    },
  };
  console.log(`\nwith only ${FIRST_FIVE.join(", ")} (the conventions the limits were set for): gzip KB`);
  for (const c of CASES.slice(0, 2)) console.log(`  ${kb((await bundle(c.code, [onlyFive])).gzip).padStart(5)}  ${c.name} (limit ${c.limitKb})`);
}
if (failed) process.exitCode = 1;
