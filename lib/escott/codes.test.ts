import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { adminText, CODE_CATALOG, describeCode, isCustomerCancel } from "./codes";
import {
  CUSTOMER_MESSAGES,
  customerMessage,
  GROUP_PRIORITY,
  PAYMENT_FAILED_MESSAGE,
  THREE_DS_FAILED_MESSAGE,
} from "./customer-messages";

// The spec lives beside the repo (<repo>/../shared/escott/PROTOCOL.md); a copy of its §9.2
// is kept in fixtures/ so that a clean clone checks the catalog too.
const PROTOCOL_PATH = fileURLToPath(new URL("../../../shared/escott/PROTOCOL.md", import.meta.url));
const FIXTURE_PATH = fileURLToPath(new URL("./fixtures/protocol-9.2.md", import.meta.url));
const protocolPresent = existsSync(PROTOCOL_PATH);

const GROUP_COLUMN: Record<string, string> = {
  'generic "contact the shop"': "generic",
  "card number": "card_number",
  expiry: "expiry",
  "security code": "security_code",
  "card info": "card_info",
  "card unusable": "card_unusable",
  "daily count/amount": "daily_count",
  "daily limit": "daily_limit",
  amount: "amount",
  "installment minimum": "installment_minimum",
  "bonus minimum": "bonus_minimum",
  phone: "phone",
  name: "name",
  "kana name": "kana_name",
  "3DS failed": "three_ds_failed",
};

function section92(text: string): string {
  const start = text.indexOf("### 9.2");
  const end = text.indexOf("### 9.3");
  return text.slice(start, end === -1 ? undefined : end);
}

function section92Rows(): { code: string; label: string; group: string }[] {
  return section92(readFileSync(protocolPresent ? PROTOCOL_PATH : FIXTURE_PATH, "utf8"))
    .split("\n")
    .map((line) => /^\| ([A-Z0-9]{3}) \| .*? \| (.*?) \| (.*?) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ code: m[1] ?? "", label: m[2] ?? "", group: m[3] ?? "" }));
}

describe("code catalog vs PROTOCOL.md §9.2", () => {
  const rows = section92Rows();

  it.runIf(protocolPresent)("keeps fixtures/protocol-9.2.md equal to the spec's §9.2", () => {
    expect(section92(readFileSync(FIXTURE_PATH, "utf8"))).toBe(section92(readFileSync(PROTOCOL_PATH, "utf8")));
  });

  it("finds the table", () => {
    expect(rows.length).toBeGreaterThan(150);
  });

  it("has every §9.2 code with label, meaning and the table's group", () => {
    for (const row of rows) {
      const entry = CODE_CATALOG.get(row.code);
      expect(entry, row.code).toBeDefined();
      expect(entry?.label.trim(), row.code).not.toBe("");
      expect(entry?.meaning.trim(), row.code).not.toBe("");
      expect(entry?.group, row.code).toBe(GROUP_COLUMN[row.group]);
      if (!row.label.startsWith("(")) expect(entry?.label, row.code).toBe(row.label);
      else expect(entry?.label, row.code).toMatch(/[\u3040-\u30FF\u4E00-\u9FFF]/);
    }
  });
});

describe("code catalog §9.3 ranges and pseudo-codes", () => {
  const expanded = [
    "K25", "K26", "K27", "K41", "K42", "K43", "K44",
    "KE0", "KE1", "KE2", "KE3", "KE4", "KE5", "KE6",
    "KEA", "KEB", "KEC", "KED", "KEE", "KEF",
    "K64", "K65", "K66", "K67", "K95", "KIN", "U15",
    "P51", "P52", "P53", "P54", "P55", "P56", "P57", "P58", "P60",
    "P62", "P63", "P64", "P65", "P66", "P67", "P68", "P69", "P70", "P71", "P72", "P74",
  ];

  it("contains every expanded §9.3 code", () => {
    for (const code of expanded) {
      const entry = CODE_CATALOG.get(code);
      expect(entry?.source, code).toBe("other");
      expect(entry?.label, code).toMatch(/\S/);
      expect(GROUP_PRIORITY, code).toContain(entry?.group);
    }
  });

  it("knows NG as 通信エラー", () => {
    expect(describeCode("NG")).toMatchObject({ known: true, label: "通信エラー", group: "generic", source: "client" });
  });
});

describe("describeCode / adminText", () => {
  it("describes known and unknown codes", () => {
    expect(describeCode("K20")).toMatchObject({ known: true, label: "項目「CardNo」精査エラー", group: "card_number" });
    expect(describeCode("ZZ9")).toEqual({ known: false, code: "ZZ9", group: "generic" });
  });

  it("writes one CODE: label line per code, unknown codes bare", () => {
    expect(adminText(["K20", "ZZ9", "G55"])).toBe("K20: 項目「CardNo」精査エラー\nZZ9\nG55: 限度額オーバー");
  });

  it("recognises link-mode cancel codes", () => {
    expect(isCustomerCancel(["P51"])).toBe(true);
    expect(isCustomerCancel(["P53"])).toBe(false);
    expect(isCustomerCancel([])).toBe(false);
  });
});

describe("customerMessage", () => {
  it("uses the §9.1 texts", () => {
    expect(customerMessage(["K20"], "ja")).toBe("指定のカード番号が適切ではありません。");
    // K40 is "card info" in the table of the vendor's WooCommerce plugins (§9.2), but the shopper needs to hear about the security code.
    expect(customerMessage(["K40"], "ja")).toBe("セキュリティコードが正しくありません。");
    expect(describeCode("K40").group).toBe("card_info");
    expect(customerMessage(["K01"], "ja")).toBe("恐れ入りますが、お問い合わせフォームより管理者にお問い合わせください。");
    expect(THREE_DS_FAILED_MESSAGE.ja).toBe("3D セキュア認証ができませんでした。");
    expect(PAYMENT_FAILED_MESSAGE.ja).toBe("支払い処理に失敗しました。再度お試しください。");
  });

  it("picks the most specific group among several codes", () => {
    expect(customerMessage(["K01", "K21"], "ja")).toBe(CUSTOMER_MESSAGES.expiry.ja);
    expect(customerMessage(["G55", "K20"], "en")).toBe(CUSTOMER_MESSAGES.card_number.en);
    expect(customerMessage(["U02"], "en")).toBe(CUSTOMER_MESSAGES.three_ds_failed.en);
  });

  it("falls back to generic for unknown codes, NG and an empty list", () => {
    expect(customerMessage(["ZZ9"], "en")).toBe(CUSTOMER_MESSAGES.generic.en);
    expect(customerMessage(["NG"], "ja")).toBe(CUSTOMER_MESSAGES.generic.ja);
    expect(customerMessage([], "ja")).toBe(CUSTOMER_MESSAGES.generic.ja);
  });

  it("has a ja and en message for every group", () => {
    for (const group of GROUP_PRIORITY) {
      expect(CUSTOMER_MESSAGES[group].ja, group).toMatch(/\S/);
      expect(CUSTOMER_MESSAGES[group].en, group).toMatch(/\S/);
    }
    expect(new Set(GROUP_PRIORITY).size).toBe(Object.keys(CUSTOMER_MESSAGES).length);
  });
});
