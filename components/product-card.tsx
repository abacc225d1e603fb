import { StaticImage } from "@/components/ui/static-image";
import Link from "next/link";
import { Price } from "@/components/price";
import type { Dictionary } from "@/lib/i18n";

export function ProductCard({
  product,
  name,
  dict,
  loading = "lazy",
  fetchPriority,
}: {
  product: { slug: string; imagePath: string; priceYen: number; stock: number; taxRate: number };
  name: string;
  dict: Dictionary;
  /** "eager" for the cards above the fold: a lazy picture starts loading only after layout, late for LCP. */
  loading?: "eager" | "lazy";
  /** "high" for the picture that is likely the page's Largest Contentful Paint. */
  fetchPriority?: "high";
}) {
  const soldOut = product.stock <= 0;
  // No prefetch: see components/site-header.tsx (a home page with 12 cards prefetched every product page).
  return (
    <Link href={`/products/${product.slug}`} prefetch={false} className="group block overflow-hidden rounded-lg border border-stone-200 bg-white shadow-sm transition hover:shadow-md" data-testid="product-card">
      <div className="relative aspect-square bg-stone-100">
        <StaticImage src={product.imagePath} alt="" fill sizes="(min-width: 1024px) 25vw, 50vw" className={`object-cover ${soldOut ? "opacity-50" : ""}`} unoptimized loading={loading} fetchPriority={fetchPriority} />
        {soldOut && <span className="absolute left-2 top-2 rounded bg-stone-800 px-2 py-1 text-xs font-bold text-white">{dict.product.outOfStock}</span>}
        {product.taxRate === 8 && <span className="absolute right-2 top-2 rounded bg-white/90 px-2 py-0.5 text-[10px] text-stone-700">{dict.product.reducedRate}</span>}
      </div>
      <div className="space-y-1 p-3">
        <h3 className="line-clamp-2 text-sm font-medium group-hover:underline">{name}</h3>
        <Price amount={product.priceYen} dict={dict} />
      </div>
    </Link>
  );
}
