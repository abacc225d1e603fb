import { StaticImage } from "@/components/ui/static-image";
import { notFound } from "next/navigation";
import { AddToCartForm } from "@/components/cart/add-to-cart-form";
import { Price } from "@/components/price";
import { BackLink } from "@/components/ui/page-header";
import { findProduct, productName } from "@/lib/catalog/queries";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";

export async function generateMetadata({ params }: PageProps<"/products/[slug]">) {
  const [{ locale }, product] = await Promise.all([getDictionary(), findProduct((await params).slug)]);
  return { title: product ? productName(product, locale) : undefined };
}

export default async function ProductPage({ params }: PageProps<"/products/[slug]">) {
  const { slug } = await params;
  const [{ locale, dict }, product] = await Promise.all([getDictionary(), findProduct(slug)]);
  if (!product) notFound();
  const name = productName(product, locale);
  const soldOut = product.stock <= 0;
  return (
    <div className="space-y-6">
      <BackLink href="/">{dict.product.backToList}</BackLink>
      <div className="grid gap-8 md:grid-cols-2">
        <div className="relative aspect-square overflow-hidden rounded-lg bg-stone-100">
          <StaticImage src={product.imagePath} alt={name} fill sizes="(min-width: 768px) 50vw, 100vw" className="object-cover" unoptimized priority />
        </div>
        <div className="space-y-5">
          <h1 className="text-2xl font-bold">{name}</h1>
          <Price amount={product.priceYen} dict={dict} className="text-2xl" />
          <p className="text-xs text-stone-500">{product.taxRate === 8 ? dict.product.reducedRate : dict.product.standardRate}</p>
          <p className="leading-relaxed text-stone-700">{locale === "en" ? product.descriptionEn : product.description}</p>
          <p data-testid="stock-status" className={soldOut ? "font-bold text-accent-600" : "text-brand-700"}>
            {soldOut ? dict.product.outOfStock : product.stock <= 5 ? fmt(dict.product.lowStock, { count: product.stock }) : dict.product.inStock}
          </p>
          {soldOut ? (
            <button type="button" disabled className="w-full rounded-md bg-stone-300 px-4 py-2 font-medium text-stone-600 sm:w-auto">
              {dict.product.outOfStock}
            </button>
          ) : (
            <AddToCartForm productId={product.id} maxQuantity={product.stock} />
          )}
        </div>
      </div>
    </div>
  );
}
