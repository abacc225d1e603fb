// The e-SCOTT boundary is closed: outside lib/escott (and the emulator, which plays e-SCOTT),
// shop code never spells an e-SCOTT field name, OperateId or response code. It uses the typed
// results and the constants of lib/escott (names.ts) instead, so a wire change touches one module.
// Tests and e2e specs are exempt: they drive the emulator exactly as e-SCOTT's own pages would.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CODE_CATALOG } from "./codes";
import { OPERATE_ID } from "./names";

const ROOT = join(__dirname, "..", "..");
const SCANNED = ["app", "components", "lib", "scripts", "prisma", "proxy.ts", "instrumentation.ts"];
const EXEMPT = [/^lib\/escott\//, /^lib\/generated\//, /\.test\.tsx?$/, /^prisma\/migrations\//];

/** Request/response field names (docs/escott-protocol.md §2, §3, §6, §7). */
const FIELDS = [
  "MerchantId", "MerchantPass", "TenantId", "TransactionDate", "OperateId", "MerchantFree1", "MerchantFree2", "MerchantFree3",
  "ProcessId", "ProcessPass", "ResponseCd", "TransactionId", "TokenResponseCd", "KaiinId", "KaiinPass", "NewKaiinPass",
  "PayType", "SalesDate", "CardNo", "CardExp", "SecCd", "EncryptValue", "SecureResultCode", "ProcNo", "RedirectUrl",
  "BillingFullName", "BillingEmail", "KessaiStatus", "KessaiNumber", "PayLimit", "FreeArea", "NyukinDate", "RecvNum", "CvsCd",
  "HashCd", "NameKanji", "NameKana", "TelNo", "ShouhinName", "ReturnURL", "TokenAuthCode", "ApproveNo", "CompanyCd", "McSecCd",
];
/** Our own placeholders, not e-SCOTT's words. */
const NOT_WIRE_CODES = new Set(["OK", "NG"]);
const CODES = [...CODE_CATALOG.keys()].filter((code) => !NOT_WIRE_CODES.has(code));

function filesUnder(path: string): string[] {
  const full = join(ROOT, path);
  let stat;
  try {
    stat = statSync(full);
  } catch {
    return [];
  }
  if (stat.isFile()) return /\.(ts|tsx|mjs)$/.test(path) ? [path] : [];
  return readdirSync(full).flatMap((name) => (name === "node_modules" || name.startsWith(".") ? [] : filesUnder(join(path, name))));
}

/** Comments may name anything: they explain. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

export function wireNamesIn(source: string): string[] {
  const code = withoutComments(source);
  const found: string[] = [];
  for (const name of [...Object.values(OPERATE_ID), ...CODES]) {
    if (new RegExp(`["'\`]${name}["'\`]`).test(code)) found.push(name);
  }
  for (const field of FIELDS) {
    if (new RegExp(`["'\`]${field}["'\`]|\\.${field}\\b|[{,]\\s*${field}\\s*:`).test(code)) found.push(field);
  }
  return found;
}

describe("the e-SCOTT boundary", () => {
  it("no shop code outside lib/escott names an e-SCOTT field, OperateId or response code", () => {
    const files = SCANNED.flatMap(filesUnder).filter((f) => !EXEMPT.some((re) => re.test(f.split("\\").join("/"))));
    expect(files.length).toBeGreaterThan(50);
    const leaks = files.flatMap((file) => wireNamesIn(readFileSync(join(ROOT, file), "utf8")).map((name) => `${relative(ROOT, join(ROOT, file))}: ${name}`));
    expect(leaks).toEqual([]);
  });

  it("the scan catches each kind of leak, and lets comments and constants through", () => {
    expect(wireNamesIn(`if (ref.codes.includes("K12")) return;`)).toEqual(["K12"]);
    expect(wireNamesIn(`const op = '1Gathering';`)).toEqual(["1Gathering"]);
    expect(wireNamesIn("const status = result.raw.KessaiStatus;")).toEqual(["KessaiStatus"]);
    expect(wireNamesIn(`log({ MerchantFree1: code });`)).toEqual(["MerchantFree1"]);
    expect(wireNamesIn(`// 2Add answers "K12" when MerchantFree1 is unknown\nconst x = RESPONSE_CODE.transactionGone;`)).toEqual([]);
    expect(wireNamesIn(`const a = OPERATE_ID.gathering; const m = { merchantId: 1 };`)).toEqual([]);
  });
});
