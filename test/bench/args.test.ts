import { describe, expect, it } from "vitest";
import { parseHostileArgs, parseRunArgs, RUN_USAGE, HOSTILE_USAGE } from "../../bench/args.js";

describe("bench/run.ts arguments", () => {
  it("--help and -h ask for the usage, whatever else is given", () => {
    expect(parseRunArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseRunArgs(["-h"])).toEqual({ kind: "help" });
    expect(parseRunArgs(["--hostile", "--help"])).toEqual({ kind: "help" });
    expect(parseRunArgs(["--quick", "--only", "conv", "--help"])).toEqual({ kind: "help" });
  });

  it("npm run bench's own flag and the documented options parse to their values", () => {
    const parsed = parseRunArgs(["--hostile", "--only", "conv,mixed", "--runs", "3", "--ms", "250", "--convert-mib", "0"]);
    expect(parsed.kind).toBe("ok");
    if (parsed.kind !== "ok") return;
    expect(parsed.values).toMatchObject({ hostile: true, only: "conv,mixed", runs: "3", ms: "250", "convert-mib": "0", help: false, check: false, quick: false });
  });

  it("no arguments: every default, nothing asked", () => {
    expect(parseRunArgs([])).toEqual({
      kind: "ok",
      values: { help: false, check: false, "update-baseline": false, quick: false, hostile: false, "single-threaded": false },
    });
  });

  it("an unknown option, a stray word or a bad number is an error, not a run", () => {
    expect(parseRunArgs(["--hlep"])).toMatchObject({ kind: "error", message: expect.stringContaining("--hlep") });
    expect(parseRunArgs(["conv"])).toMatchObject({ kind: "error" });
    expect(parseRunArgs(["--runs", "many"])).toEqual({ kind: "error", message: "--runs takes a number (0 or more), not 'many'" });
    expect(parseRunArgs(["--size", "-5"])).toMatchObject({ kind: "error" });
    expect(parseRunArgs(["--ms", ""])).toMatchObject({ kind: "error" });
  });

  it("the usage names every option the parser accepts, and includes hostile.ts's", () => {
    for (const name of ["check", "update-baseline", "quick", "hostile", "runs", "ms", "size", "mixed", "decode-repeat", "convert-mib", "convert-runs", "serve-seconds", "mlflow-spans", "only", "skip", "json", "profile", "fixtures", "baseline", "single-threaded", "help"]) {
      expect(RUN_USAGE).toContain(`--${name}`);
    }
    expect(RUN_USAGE).toContain(HOSTILE_USAGE);
  });
});

describe("bench/hostile.ts arguments", () => {
  it("takes --help only", () => {
    expect(parseHostileArgs([])).toEqual({ kind: "ok", values: {} });
    expect(parseHostileArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseHostileArgs(["--quick"])).toMatchObject({ kind: "error" });
  });
});
