// The page shells keep the headings, texts and links the pages had.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EmptyPage } from "@/components/ui/empty-page";
import { FormPage } from "@/components/ui/form-page";

describe("EmptyPage", () => {
  it("renders the title, the message and the link on", () => {
    const html = renderToStaticMarkup(
      <EmptyPage title="カート" link={{ href: "/", label: "買い物を続ける" }}>
        カートは空です。
      </EmptyPage>,
    );
    expect(html).toBe('<div class="space-y-4"><h1 class="text-2xl font-bold">カート</h1><p>カートは空です。</p><a class="text-brand-700 underline" href="/">買い物を続ける</a></div>');
  });
});

describe("FormPage", () => {
  it("renders the title, the form and the line pointing the other way", () => {
    const html = renderToStaticMarkup(
      <FormPage title="ログイン" alternative={{ prompt: "アカウントをお持ちでない方は", href: "/register?next=%2Faccount", label: "会員登録" }}>
        <form />
      </FormPage>,
    );
    expect(html).toBe(
      '<div class="mx-auto max-w-sm space-y-6"><h1 class="text-2xl font-bold">ログイン</h1><form></form><p class="text-sm">アカウントをお持ちでない方は <a class="text-brand-700 underline" href="/register?next=%2Faccount">会員登録</a></p></div>',
    );
  });

  it("leaves the line out when there is no other way", () => {
    expect(renderToStaticMarkup(<FormPage title="t">x</FormPage>)).not.toContain("<p");
  });
});
