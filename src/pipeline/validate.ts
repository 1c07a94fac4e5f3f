/** The package's `validateSpan`: pipeline/validator.ts over CONVENTIONS, translating with the package's `toMlflowSpan`. */
import type { Diagnostic } from "../canonical/span.js";
import { CONVENTIONS, type Convention } from "../conventions/index.js";
import { REQUIRABLE_FIELDS, type RequirableField } from "../conventions/rule-types.js";
import type { SpanLike } from "../otlp/span-like.js";
import { toMlflowSpan } from "./translate.js";
import { createValidateSpan, type ValidateOptions as Options } from "./validator.js";

export { REQUIRABLE_FIELDS, type RequirableField };

/** `validateSpan` options: the convention the span should follow, and the canonical fields it must yield. */
export interface ValidateOptions extends Options<Convention> {}

/** The findings on one span: the translation's diagnostics, its convention's rules, and `require`d fields. */
export const validateSpan: (span: SpanLike, options?: ValidateOptions) => Diagnostic[] = /* @__PURE__ */ createValidateSpan<Convention>(CONVENTIONS, toMlflowSpan);
