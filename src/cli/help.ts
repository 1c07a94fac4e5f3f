/** Pieces of `--help` text derived from CONVENTIONS, so a new convention shows up without editing the help. */
import { CONVENTION_IDS, EMIT_TARGETS } from "../index.js";

/**
 * `a | b | c`, wrapped to lines of at most `width` characters; lines after the first start with
 * `indent` spaces (the column of the option's description).
 */
export function alternatives(values: readonly string[], indent: number, firstWidth: number, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const value of values) {
    const next = line === "" ? value : `${line} | ${value}`;
    const limit = lines.length === 0 ? firstWidth : width - indent;
    // Room for the " |" a broken line ends with.
    if (line !== "" && next.length + 2 > limit) {
      lines.push(`${line} |`);
      line = value;
    } else line = next;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}

/** The emit targets `convert --to` writes as OTLP: every one but mlflow, which `--to mlflow` gives as MLflow's stored span. */
export const OTLP_TARGETS: readonly string[] = EMIT_TARGETS.filter((t) => t !== "mlflow");

/** Every convention id, for `validate --convention`. */
export const CONVENTION_LIST: readonly string[] = CONVENTION_IDS;
