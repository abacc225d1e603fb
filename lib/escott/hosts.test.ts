import { describe, expect, it } from "vitest";
import { paymentPageUrl, resolveUrls } from "./hosts";

describe("hosts (§1.1)", () => {
  it("test mode moves every URL to the test hosts", () => {
    const urls = resolveUrls("test");
    expect(urls.endpoint("card")).toBe("https://www.test.e-scott.jp/online/aut/OAUT002.do");
    expect(urls.endpoint("member")).toBe("https://www.test.e-scott.jp/online/crp/OCRP005.do");
    expect(urls.endpoint("token")).toBe("https://www.test.e-scott.jp/online/atn/OATN005.do");
    expect(urls.endpoint("cvs")).toBe("https://www.test.e-scott.jp/online/cnv/OCNV005.do");
    expect(urls.tokenScript("ABC")).toBe("https://www.test.e-scott.jp/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=ABC");
    expect(urls.threeDSPage).toBe("https://www.test.e-scott.jp/online/tds/OTDS010.do");
    expect(urls.cvsPaymentPage(" FA1 ", 2)).toBe("https://link.kessai.info/JLPCT/JLPcon?code=FA1&rkbn=2");
  });

  it("production mode", () => {
    const urls = resolveUrls("production");
    expect(urls.endpoint("card")).toBe("https://www.e-scott.jp/online/aut/OAUT002.do");
    expect(urls.threeDSPage).toBe("https://www.e-scott.jp/online/tds/OTDS010.do");
    expect(paymentPageUrl("FA1", 1, { mode: "production" })).toBe("https://link.kessai.info/JLP/JLPcon?code=FA1&rkbn=1");
  });

  it("baseUrlOverride points everything at the emulator, keeping the mode's JLPcon path", () => {
    const test = resolveUrls("test", "http://localhost:4010/");
    expect(test.endpoint("cvs")).toBe("http://localhost:4010/online/cnv/OCNV005.do");
    expect(test.tokenScript("EMU TOKEN")).toBe("http://localhost:4010/euser/stn/CdGetJavaScript.do?k_TokenNinsyoCode=EMU%20TOKEN");
    expect(test.cvsPaymentPage("FA1", 1)).toBe("http://localhost:4010/JLPCT/JLPcon?code=FA1&rkbn=1");
    expect(resolveUrls("production", "http://localhost:4010").cvsPaymentPage("FA1", 1)).toBe(
      "http://localhost:4010/JLP/JLPcon?code=FA1&rkbn=1",
    );
  });
});
