import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { errorText, type Dictionary } from "@/lib/i18n";
import { ja } from "@/lib/i18n/ja";
import { isMessageRef, isMessageRefIn, msg, noticePath, PARAM_KEYS, toMessageRef, type MessageKey, type MessageKeys, type MessageRef } from "@/lib/i18n/keys";

type Tree = { [key: string]: string | Tree };

/** Every string leaf as "a.b.c" → text. */
function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(at, value);
    else for (const [k, v] of leaves(value, at)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

const jaLeaves = leaves(ja as unknown as Tree);
const enLeaves = leaves(en as unknown as Tree);

describe("dictionaries", () => {
  it("en has exactly the keys of ja, with the same {placeholders}", () => {
    expect([...enLeaves.keys()].sort()).toEqual([...jaLeaves.keys()].sort());
    const mismatched = [...jaLeaves].filter(([key, text]) => placeholders(text).join() !== placeholders(enLeaves.get(key) ?? "").join()).map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it("PARAM_KEYS are exactly the message keys whose text has {max}", () => {
    const withMax = [...jaLeaves].filter(([key, text]) => key.split(".").length === 2 && text.includes("{max}")).map(([key]) => key);
    expect([...PARAM_KEYS].sort()).toEqual(withMax.sort());
  });
});

describe("isMessageRef", () => {
  it("accepts the dictionary's top-level string leaves, and PARAM_KEYS with a number", () => {
    for (const key of ["cardAdmin.opStale", "errors.generic", "cvsAdmin.opFailed", "payment.threeDSFailed", "status.on-hold", "errors.tooLong:1000"]) {
      expect(isMessageRef(key), key).toBe(true);
    }
  });

  it("refuses anything else", () => {
    const refused: unknown[] = [
      "card.opStal", // misspelt
      "cardAdmin.notes", // a nested group, not a string
      "payment.notes.retrying", // nested paths are not message keys
      "errors.required:5", // no {max} to fill
      "errors.tooLong:", // parameter missing
      "errors.tooLong:abc",
      "card",
      "",
      "constructor.name",
      "__proto__.toString",
      "card.toString",
      "Invalid input: expected string, received undefined", // zod's own text
      undefined,
      null,
      42,
    ];
    for (const value of refused) expect(isMessageRef(value), String(value)).toBe(false);
  });

  it("toMessageRef falls back to the generic error, errorText shows it", () => {
    expect(toMessageRef("cardAdmin.opStale")).toBe("cardAdmin.opStale");
    expect(toMessageRef("nope")).toBe("errors.generic");
    expect(toMessageRef(undefined, "payment.failed")).toBe("payment.failed");
    expect(errorText(ja, toMessageRef("Invalid input"))).toBe(ja.errors.generic);
    expect(errorText(en, "errors.tooLong:30")).toBe("Please use at most 30 characters.");
  });

  it("noticePath puts the key in the query", () => {
    expect(noticePath("/checkout", "payment.failed")).toBe("/checkout?notice=payment.failed");
  });
});

// Literal keys in the shop's source: typed by tsc already; this also catches a key that slipped
// past the types (a cast, an untyped file) and keeps the scan honest about what a key looks like.
describe("message keys in the source", () => {
  const root = path.resolve(__dirname, "../..");
  const groups = Object.keys(ja).join("|");
  // A quoted "group.name" or "group.name:123"…
  const KEY = new RegExp(`"((?:${groups})\\.[A-Za-z][\\w-]*(?::\\d+)?)"`, "g");
  // …that is not a field path ("payment.cardNumber" as errors["payment.cardNumber"] or { "payment.card": … }).
  const isFieldPath = (line: string, index: number, match: string) => line[index - 1] === "[" || line.slice(index + match.length).trimStart().startsWith(":");

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return ["generated", "i18n", "node_modules"].includes(entry.name) ? [] : sources(full);
      return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
    });
  }

  it("every key exists in ja and en", () => {
    const found: string[] = [];
    const unknown: string[] = [];
    for (const file of ["app", "components", "lib"].flatMap((dir) => sources(path.join(root, dir)))) {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (/^\s*(\/\/|\*|\/\*)/.test(line)) return;
          for (const m of line.matchAll(KEY)) {
            if (isFieldPath(line, m.index, m[0])) continue;
            const ref = m[1]!;
            found.push(ref);
            const key = ref.split(":")[0]!;
            if (!isMessageRef(ref) || !enLeaves.has(key)) unknown.push(`${path.relative(root, file)}:${i + 1} ${ref}`);
          }
        });
    }
    expect(found.length).toBeGreaterThan(100);
    expect(unknown).toEqual([]);
  });
});

describe("types", () => {
  it("MessageRef is the dictionary's keys, nothing else", () => {
    expectTypeOf<"cardAdmin.opStale">().toExtend<MessageKey>();
    expectTypeOf<"errors.tooLong:1000">().toExtend<MessageRef>();
    expectTypeOf<`errors.tooLong:${number}`>().toExtend<MessageRef>();
    expectTypeOf<"card.opStal">().not.toExtend<MessageRef>();
    expectTypeOf<"errors.required:5">().not.toExtend<MessageRef>();
    expectTypeOf<"cardAdmin.notes">().not.toExtend<MessageRef>();
    expectTypeOf<string>().not.toExtend<MessageRef>();
    expectTypeOf(msg("settings.saved")).toEqualTypeOf<"settings.saved">();
    expectTypeOf<MessageKeys<"card.saved" | "card.deleted">>().toEqualTypeOf<"card.saved" | "card.deleted">();
  });

  it("a misspelt key does not compile", () => {
    const dict: Dictionary = ja;
    // @ts-expect-error -- "card.opStal" is not in the dictionary
    expect(errorText(dict, "card.opStal")).toBe(ja.errors.generic);
    // @ts-expect-error -- only PARAM_KEYS take an inline parameter
    expect(errorText(dict, "errors.required:5")).toBe(ja.errors.required);
    // @ts-expect-error -- msg() checks zod's message strings the same way
    expect(msg("errors.requird")).toBe("errors.requird");
    const untyped: string = "cardAdmin.opStale";
    // @ts-expect-error -- untyped data must go through isMessageRef()/toMessageRef()
    errorText(dict, untyped);
    if (isMessageRef(untyped)) expect(errorText(dict, untyped)).toBe(ja.cardAdmin.opStale);
  });
});

describe("isMessageRefIn and errorText with inherited names", () => {
  it("checks a key against the dictionary given (the English one knows the same keys)", () => {
    expect(isMessageRefIn(en, "errors.required")).toBe(true);
    expect(isMessageRefIn(en, "errors.tooLong:30")).toBe(true);
    expect(isMessageRefIn(en, "errors.nope")).toBe(false);
    expect(isMessageRefIn(en, "constructor.name")).toBe(false);
    expect(isMessageRefIn(en, 42)).toBe(false);
  });

  it("errorText shows the generic error for a key naming an inherited property", () => {
    expect(errorText(en, "constructor.name" as MessageRef)).toBe(en.errors.generic);
    expect(errorText(ja, "errors.toString" as MessageRef)).toBe(ja.errors.generic);
  });
});
