import { describe, expect, it } from "vitest";
import { actionResult } from "./shop";

describe("actionResult", () => {
  it("takes the row the envelope names, not the re-rendered page's rows", () => {
    const text = ['2:"$Sreact.fragment"', '5:"/_next/static/chunks/a.js"', '0:{"a":"$@1","q":"","i":false}', '1:{"status":"placed","outcome":{"kind":"redirect","url":"/order/7?key=k"}}', ""].join("\n");
    expect(actionResult(text)).toEqual({ status: "placed", outcome: { kind: "redirect", url: "/order/7?key=k" } });
  });

  it("is undefined for anything else", () => {
    expect(actionResult("<html>error</html>")).toBeUndefined();
    expect(actionResult('0:{"a":"$@9"}\n')).toBeNull();
  });
});
