// The admin order list's CSV export: the list's current filters go along as hidden fields, the admin
// picks the row unit and the encoding; the browser downloads what /admin/orders/export answers.
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { FilterField } from "@/components/ui/filter-form";
import { panelClass } from "@/components/ui/panel";
import { cx } from "@/components/ui/cx";
import { fmt, type Dictionary } from "@/lib/i18n";

export function OrderExportForm({ dict, status, q, maxRows }: { dict: Dictionary; status: string; q: string; maxRows: number }) {
  const t = dict.orderExport;
  return (
    <form method="get" action="/admin/orders/export" className={cx("space-y-2", panelClass)} data-testid="order-export" aria-label={t.title}>
      <div className="flex flex-wrap items-end gap-3">
        {status && <input type="hidden" name="status" value={status} />}
        {q && <input type="hidden" name="q" value={q} />}
        <FilterField id="export-mode" label={t.mode}>
          <select id="export-mode" name="mode" defaultValue="orders" className={inputClass}>
            <option value="orders">{t.modeOrders}</option>
            <option value="items">{t.modeItems}</option>
          </select>
        </FilterField>
        <FilterField id="export-encoding" label={t.encoding}>
          <select id="export-encoding" name="encoding" defaultValue="utf8" className={inputClass}>
            <option value="utf8">{t.encodingUtf8}</option>
            <option value="sjis">{t.encodingSjis}</option>
          </select>
        </FilterField>
        <Button type="submit" variant="secondary">
          {t.download}
        </Button>
      </div>
      <p className="text-xs text-stone-600">
        {fmt(t.intro, { rows: maxRows.toLocaleString("ja-JP") })} {t.sjisNote}
      </p>
    </form>
  );
}
