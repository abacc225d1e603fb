import { describe, expect, it } from "vitest";
import { csvCell, csvRow, csvText, decodeCsv, encodeCsv, neutralizeFormula } from "@/lib/orders/export/csv";

describe("csv quoting", () => {
  it("leaves plain cells alone and writes numbers and empty cells as they are", () => {
    expect(csvRow(["注文", 1200, null, undefined, ""])).toBe("注文,1200,,,\r\n");
  });

  it("quotes commas, quotes and line breaks, doubling quotes", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line1\nline2")).toBe('"line1\nline2"');
    expect(csvCell("cr\rlf")).toBe('"cr\rlf"');
  });

  it("round-trips through a simple RFC 4180 reader", () => {
    const rows = [["a,b", 'q"q', "x\r\ny"], ["1", "2", "3"]];
    expect(parse(csvText(rows))).toEqual(rows);
  });
});

describe("csv injection", () => {
  it.each(["=1+1", "+81 90", "-2", "@SUM(A1)", "\t=1", "\r=1"])("neutralizes %j with a leading apostrophe", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
    expect(csvCell(text).replace(/^"|"$/g, "").startsWith("'")).toBe(true);
  });

  it("keeps harmless text and our own negative numbers", () => {
    expect(neutralizeFormula("山田 =1")).toBe("山田 =1");
    expect(csvCell(-500)).toBe("-500");
  });

  it("quotes a neutralized cell that also needs quoting", () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
  });
});

describe("encodings", () => {
  it("UTF-8 starts with a byte-order mark", () => {
    const bytes = encodeCsv("注文,①\r\n", "utf8");
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decodeCsv(bytes, "utf8")).toBe("注文,①\r\n");
  });

  it("Shift_JIS writes two bytes per kanji, including the Windows extensions Excel reads", () => {
    const bytes = encodeCsv("注文①髙", "sjis");
    expect([...bytes]).toEqual([0x92, 0x8d, 0x95, 0xb6, 0x87, 0x40, 0xfb, 0xfc]);
    expect(decodeCsv(bytes, "sjis")).toBe("注文①髙");
  });

  it("Shift_JIS turns what it cannot encode into ?", () => {
    expect(decodeCsv(encodeCsv("寿司🍣です", "sjis"), "sjis")).toBe("寿司?です");
  });
});

/** A minimal RFC 4180 reader, to check the writer against. */
function parse(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  return rows;
}
