import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DemoBanner } from "@/components/demo-banner";
import { dictionaryFor } from "@/lib/i18n";

describe("DemoBanner", () => {
  it("says in both languages that no real payment is made (shown on every page with ESCOTT_TARGET=emulator)", () => {
    expect(dictionaryFor("ja").demo.banner).toBe("デモ環境（e-SCOTT エミュレーター）: 実際の決済は行われません");
    expect(dictionaryFor("en").demo.banner).toBe("Demo environment (e-SCOTT emulator): no real payments are made");
    const html = renderToStaticMarkup(<DemoBanner text={dictionaryFor("ja").demo.banner} />);
    expect(html).toContain('data-testid="demo-banner"');
    expect(html).toContain('role="note"'); // not a live region: it is part of every page, not news
    expect(html).toContain("実際の決済は行われません");
  });
});
