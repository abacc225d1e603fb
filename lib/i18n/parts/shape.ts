// The type every English dictionary part has: the Japanese part's keys, each a string (or a nested
// part of the same kind). tsc then fails on a key missing from, or added to, either language.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };
