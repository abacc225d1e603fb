import type { cardJa } from "@/lib/i18n/parts/card.ja";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const cardEn: Shape<typeof cardJa> = {
  placeholder: "",
};
