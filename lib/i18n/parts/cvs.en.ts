import type { cvsJa } from "@/lib/i18n/parts/cvs.ja";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const cvsEn: Shape<typeof cvsJa> = {
  placeholder: "",
};
