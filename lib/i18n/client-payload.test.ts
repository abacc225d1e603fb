import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/en";
import { ja } from "@/lib/i18n/ja";
import { paymentGroups, shellDictionary } from "@/lib/i18n/client-payload";

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

describe("the dictionary the client components get", () => {
  it.each([["ja", ja], ["en", en]] as const)("%s: every page gets all but the payment groups, the payment pages get those back", (_locale, dict) => {
    const shell = shellDictionary(dict);
    expect(shell).not.toHaveProperty("card");
    expect(shell).not.toHaveProperty("cvs");
    expect(Object.keys(shell).sort()).toEqual(Object.keys(dict).filter((k) => k !== "card" && k !== "cvs").sort());
    expect({ ...shell, ...paymentGroups(dict) }).toEqual(dict);
    // The point of it: the payload every page carries in its HTML shrinks by about half.
    expect(bytes(shell)).toBeLessThan(bytes(dict) * 0.6);
  });
});

/** Every "use client" file under these folders. */
function clientFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return clientFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && readFileSync(file, "utf8").startsWith('"use client"') ? [file] : [];
  });
}

// The groups exist only below PaymentTextsProvider (app/checkout, app/account/card and app/admin layouts); a client
// component reading them anywhere else would fail on every page without them. Rendered only on those routes:
const PAYMENT_FORM_DIRS = ["components/checkout/", "components/account/card/", "components/admin/", "components/payments/", "app/admin/"];

describe("who reads dict.card and dict.cvs on the client", () => {
  it("only the payment forms rendered below PaymentTextsProvider", () => {
    const readers = ["app", "components"]
      .flatMap((dir) => clientFiles(path.join(process.cwd(), dir)))
      .map((file) => path.relative(process.cwd(), file))
      .filter((file) => /\bdict\.(card|cvs)\b/.test(readFileSync(file, "utf8")));
    expect(readers.length).toBeGreaterThan(0);
    expect(readers.filter((file) => !PAYMENT_FORM_DIRS.some((dir) => file.startsWith(dir)))).toEqual([]);
  });
});
