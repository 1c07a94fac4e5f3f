/**
 * The `mlflow-semconv` command: a table of subcommands, each with its own `--help`.
 * Exit codes: 0 done, 1 validate found problems at or above --fail-on, 2 unusable input, bad usage or
 * an internal error (after the report of everything that could be read). No other code is used.
 */
import { readFileSync } from "node:fs";
import { convertCommand } from "./convert.js";
import { inspectCommand } from "./inspect.js";
import { validateCommand } from "./validate.js";
import { SERVE_USAGE, serveCommand } from "./serve.js";
import { type Command, isUsageError, note, noteError } from "./io.js";
import { InputError } from "./read.js";
import { forTerminal } from "./sanitize.js";

/** The subcommands, in the order `--help` lists them. A new command is one line here. */
const COMMANDS: Record<string, Command> = {
  convert: convertCommand,
  inspect: inspectCommand,
  validate: validateCommand,
  serve: {
    summary: "an OTLP/HTTP receiver that translates every span and forwards it to MLflow (or appends JSON Lines)",
    help: SERVE_USAGE,
    run: serveCommand,
  },
};

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return `mlflow-semconv — translate OpenTelemetry LLM spans into MLflow spans, and check them

Usage: mlflow-semconv <command> [options]   (mlflow-semconv <command> --help for its options)

Commands:
${lines.join("\n")}

  --version   print the version
  --help      print this help

Exit codes: 0 done, 1 validate found findings at or above --fail-on, 2 unusable input or bad usage.
`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    process.stderr.write(usage());
    return 2;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    const command = topic === undefined ? undefined : COMMANDS[topic];
    process.stdout.write(command ? command.help : usage());
    return 0;
  }
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`mlflow-semconv: unknown command "${forTerminal(name)}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    process.stdout.write(command.help);
    return 0;
  }
  return command.run(rest);
}

/** dist/cli.js sits one level below package.json, src/cli/main.ts two. */
function packageVersion(): string {
  for (const relative of ["../package.json", "../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(relative, import.meta.url), "utf8")) as { name?: string; version?: string };
      if (pkg.name === "mlflow-semconv" && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return "unknown";
}

// A reader that stops early (`convert … | head -1`) closes the pipe: end quietly, with success.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    process.exit(2);
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // One line: the message may quote a file name or input, and must not open a second line.
    if (error instanceof InputError || isUsageError(error)) noteError(error as InputError);
    else note(`mlflow-semconv: internal error (please report it): ${(error as Error)?.stack ?? String(error)}`);
    // Bad input, bad usage, and our own bugs alike: 2, the documented code for "could not do it".
    process.exitCode = 2;
  },
);
