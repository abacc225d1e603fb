import { ProductCard } from "@/components/product-card";
import { listProducts, productName } from "@/lib/catalog/queries";
import { fmt } from "@/lib/i18n";
import { getDictionary } from "@/lib/i18n/server";
import { shippingRule } from "@/lib/shop/shipping";

// Cards in view on a phone before scrolling (two columns, two rows): their pictures load at once, the
// first one (the likely Largest Contentful Paint) first; the rest stay lazy.
const EAGER_CARDS = 4;

export default async function HomePage() {
  const [{ locale, dict }, products, shipping] = await Promise.all([getDictionary(), listProducts(), shippingRule()]);
  return (
    <div className="space-y-10">
      <section className="rounded-xl bg-brand-100 px-6 py-10 sm:px-10">
        <h1 className="text-2xl font-bold text-brand-800 sm:text-3xl">{dict.home.heroTitle}</h1>
        <p className="mt-3 text-stone-700">{dict.home.heroBody}</p>
        <p className="mt-4 inline-block rounded-full bg-white px-4 py-1 text-sm text-brand-700">
          {fmt(dict.home.freeShipping, { threshold: shipping.freeThreshold })}
        </p>
      </section>
      <section aria-labelledby="all-products">
        <h2 id="all-products" className="mb-4 text-lg font-bold">
          {dict.home.allProducts}
        </h2>
        <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-4">
          {products.map((p, i) => (
            <li key={p.id}>
              <ProductCard product={p} name={productName(p, locale)} dict={dict} loading={i < EAGER_CARDS ? "eager" : "lazy"} fetchPriority={i === 0 ? "high" : undefined} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
