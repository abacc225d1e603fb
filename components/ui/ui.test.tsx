// The shared parts render the markup the pages (and the e2e suite) rely on.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DescriptionList } from "@/components/ui/description-list";
import { Notice } from "@/components/ui/notice";
import { Pagination } from "@/components/ui/pagination";
import { DetailsPanel, Panel } from "@/components/ui/panel";
import { Table } from "@/components/ui/table";

const rows = [
  { id: 1, name: "抹茶", total: 1000 },
  { id: 2, name: "煎茶", total: 2000 },
];

describe("Table", () => {
  it("renders testids on the table, rows and cells, and right-aligns where asked", () => {
    const html = renderToStaticMarkup(
      <Table
        data-testid="things"
        rows={rows}
        rowKey={(r) => r.id}
        rowTestId="thing-row"
        empty="なし"
        columns={[
          { header: "名前", cell: (r) => r.name },
          { header: "合計", align: "right", testId: "thing-total", cell: (r) => r.total },
          { key: "view", cell: (r) => `#${r.id}` },
        ]}
      />,
    );
    expect(html).toContain('<table class="w-full text-sm" data-testid="things">');
    expect(html.match(/data-testid="thing-row"/g)).toHaveLength(2);
    expect(html).toContain('data-testid="thing-total">2000</td>');
    expect(html).toContain("<th></th>");
    expect(html).toMatch(/<th class="px-3 py-2 font-normal text-right">合計<\/th>/);
    expect(html).toContain("overflow-x-auto");
  });

  it("shows the empty message instead of a table", () => {
    const html = renderToStaticMarkup(<Table data-testid="things" rows={[]} rowKey={() => 0} empty="なし" columns={[{ header: "名前", cell: () => "" }]} />);
    expect(html).toBe('<p class="rounded-lg border border-stone-200 bg-white p-4">なし</p>');
    expect(renderToStaticMarkup(<Table variant="plain" rows={[]} rowKey={() => 0} empty="なし" columns={[]} />)).toBe('<p class="text-sm">なし</p>');
  });

  it("renders an empty table when no empty message is given", () => {
    expect(renderToStaticMarkup(<Table variant="plain" rows={[]} rowKey={() => 0} columns={[{ header: "名前", cell: () => "" }]} />)).toContain("<tbody");
  });
});

describe("Pagination", () => {
  it("renders 前へ / page / 次へ with the filters kept", () => {
    const html = renderToStaticMarkup(<Pagination page={2} pages={3} basePath="/admin/orders" params={{ q: "x" }} labels={{ previous: "前へ", next: "次へ" }} />);
    expect(html).toContain('href="/admin/orders?q=x&amp;page=1"');
    expect(html).toContain('href="/admin/orders?q=x&amp;page=3"');
    expect(html).toContain("前へ");
    expect(html).toContain("次へ");
    expect(html).toContain("<span>2 / 3</span>");
  });

  it("renders nothing for one page", () => {
    expect(renderToStaticMarkup(<Pagination page={1} pages={1} basePath="/x" labels={{ previous: "前へ", next: "次へ" }} />)).toBe("");
  });
});

describe("Notice", () => {
  it("announces errors as alerts and successes as status", () => {
    expect(renderToStaticMarkup(<Notice tone="error">NG</Notice>)).toContain('role="alert"');
    expect(renderToStaticMarkup(<Notice tone="success" data-testid="n">OK</Notice>)).toMatch(/^<p role="status" class="rounded-md border p-3 border-brand-600 bg-brand-50 text-brand-800" data-testid="n">OK<\/p>$/);
    expect(renderToStaticMarkup(<Notice tone="warning" role="note">!</Notice>)).toContain('role="note"');
    expect(renderToStaticMarkup(<Notice tone="info" role={null} variant="text">i</Notice>)).toBe('<p class="text-stone-700">i</p>');
  });
});

describe("Panel, DetailsPanel, DescriptionList", () => {
  it("labels a section by its title when given an id, and passes data attributes", () => {
    const html = renderToStaticMarkup(
      <Panel title="履歴" titleId="t" data-testid="p" data-kind="k">
        x
      </Panel>,
    );
    expect(html).toContain('<section class="rounded-lg border border-stone-200 bg-white p-4" aria-labelledby="t" data-testid="p" data-kind="k"><h2 id="t" class="mb-3 font-bold">履歴</h2>x</section>');
  });

  it("wraps details with a clickable summary", () => {
    expect(renderToStaticMarkup(<DetailsPanel summary="本文">b</DetailsPanel>)).toBe('<details><summary class="cursor-pointer text-sm text-brand-700">本文</summary>b</details>');
  });

  it("skips falsy items and puts testids on values", () => {
    const html = renderToStaticMarkup(<DescriptionList layout="inline" items={[{ label: "宛先", value: "a@example.com", "data-testid": "to" }, false, null]} />);
    expect(html).toBe('<dl class="grid grid-cols-[max-content_1fr] gap-x-3 text-sm"><dt class="text-stone-500">宛先</dt><dd data-testid="to">a@example.com</dd></dl>');
  });
});
