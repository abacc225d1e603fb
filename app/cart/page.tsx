import { StaticImage } from "@/components/ui/static-image";
import Link from "next/link";
import { CartLineControls } from "@/components/cart/cart-line-controls";
import { TotalsTable } from "@/components/order/totals-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyPage } from "@/components/ui/empty-page";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { currentCartView } from "@/lib/cart/current";
import { fmt, formatYen } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { shippingRule } from "@/lib/shop/shipping";

export async function generateMetadata() {
  return { title: (await getDictionary()).dict.cart.title };
}

export default async function CartPage() {
  const [{ locale, dict }, cart] = await Promise.all([getDictionary(), currentCartView()]);
  const threshold = (await shippingRule()).freeThreshold;
  if (cart.lines.length === 0) {
    return (
      <EmptyPage title={dict.cart.title} link={{ href: "/", label: dict.cart.continueShopping }}>
        {dict.cart.empty}
      </EmptyPage>
    );
  }
  return (
    <div className="space-y-6">
      <PageHeader title={dict.cart.title} />
      <div className="grid gap-8 lg:grid-cols-[1fr_320px]">
        <ul className="divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label={dict.cart.title}>
          {cart.lines.map((line) => {
            const name = locale === "en" ? line.nameEn : line.name;
            return (
              <li key={line.productId} className="flex gap-4 p-4" data-testid="cart-line" data-slug={line.slug}>
                <div className="relative size-20 shrink-0 overflow-hidden rounded bg-stone-100">
                  <StaticImage src={line.imagePath} alt="" fill sizes="80px" unoptimized />
                </div>
                <div className="flex flex-1 flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                  <div>
                    <Link href={`/products/${line.slug}`} prefetch={false} className="font-medium hover:underline">
                      {name}
                    </Link>
                    <p className="text-sm text-stone-600">
                      {formatYen(dict, line.unitPrice)}
                      {dict.common.taxIncluded}
                      {line.taxRate === 8 && <span className="ml-2 text-xs">※{dict.product.reducedRate}</span>}
                    </p>
                    {line.problem && (
                      <p role="alert" className="text-sm text-accent-600">
                        {line.problem === "unavailable" ? dict.cart.unavailable : fmt(dict.product.notEnoughStock, { count: line.stock })}
                      </p>
                    )}
                    <CartLineControls productId={line.productId} quantity={line.quantity} stock={line.stock} name={name} />
                  </div>
                  <p className="font-semibold" data-testid="line-total">
                    {formatYen(dict, line.lineTotal)}
                  </p>
                </div>
              </li>
            );
          })}
        </ul>
        <Panel as="aside" className="h-fit space-y-4">
          <TotalsTable totals={cart.totals} dict={dict} />
          {cart.totals.shippingFee > 0 && (
            <p className="text-sm text-brand-700">{fmt(dict.cart.freeShippingRemaining, { amount: threshold - cart.totals.subtotal })}</p>
          )}
          {cart.hasProblems ? (
            <p className="text-sm text-accent-600">{dict.errors.outOfStock}</p>
          ) : (
            <Link href="/checkout" prefetch={false} className={buttonClass("primary", "w-full py-3")}>
              {dict.cart.checkout}
            </Link>
          )}
          <Link href="/" prefetch={false} className="block text-center text-sm text-brand-700 underline">
            {dict.cart.continueShopping}
          </Link>
        </Panel>
      </div>
    </div>
  );
}
