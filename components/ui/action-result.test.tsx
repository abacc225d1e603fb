// ActionResult shows a server action's answer with the role the e2e suite looks for.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ActionResult } from "@/components/ui/action-result";

describe("ActionResult", () => {
  it("renders nothing before the action has answered", () => {
    expect(renderToStaticMarkup(<ActionResult state={{ ok: true }}>保存しました。</ActionResult>)).toBe("");
  });

  it("announces a success as status and a failure as alert, as a line by default", () => {
    expect(renderToStaticMarkup(<ActionResult state={{ ok: true, message: "admin.noteAdded" }}>メモを追加しました。</ActionResult>)).toBe(
      '<p role="status" class="text-brand-700 text-sm">メモを追加しました。</p>',
    );
    expect(renderToStaticMarkup(<ActionResult state={{ ok: false, message: "errors.generic" }}>NG</ActionResult>)).toBe('<p role="alert" class="text-accent-600 text-sm">NG</p>');
  });

  it("draws a box at the top of a long form", () => {
    const html = renderToStaticMarkup(
      <ActionResult state={{ ok: true, message: "settings.saved" }} variant="box">
        設定を保存しました。
      </ActionResult>,
    );
    expect(html).toMatch(/^<p role="status" class="rounded-md border p-3 [^"]*text-sm">設定を保存しました。<\/p>$/);
  });
});
