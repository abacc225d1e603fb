// PostgreSQL refuses the NUL character (U+0000) in text ("invalid byte sequence for encoding UTF8:
// 0x00"), SQLite stores it. So one NUL in any input (a search, a token in a URL, a form field) that
// reaches a query made the query fail — a 500 on PostgreSQL for what is a plain "not found" or field
// error on SQLite. This wrapper of the PostgreSQL driver adapter replaces NUL in every text argument
// of every query with U+FFFD (the replacement character): lookups then simply find nothing, and
// validation sees the same string length. Nothing legitimate contains NUL.
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";

const NUL = /\u0000/g;

/** The value with NUL replaced in its strings (lists included); anything else as it is. */
export function withoutNul(value: unknown): unknown {
  if (typeof value === "string") return value.includes("\u0000") ? value.replace(NUL, "\uFFFD") : value;
  if (Array.isArray(value)) return value.map(withoutNul);
  return value;
}

function clean(query: SqlQuery): SqlQuery {
  return { ...query, args: query.args.map(withoutNul) };
}

/** Wraps the query methods of an adapter or a transaction; everything else passes through. */
function wrap<T extends SqlDriverAdapter | Transaction>(target: T, extra: Partial<Record<keyof T, unknown>> = {}): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === "queryRaw") return (query: SqlQuery) => t.queryRaw(clean(query));
      if (prop === "executeRaw") return (query: SqlQuery) => t.executeRaw(clean(query));
      if (prop in extra) return extra[prop as keyof T];
      const value = Reflect.get(t, prop, receiver);
      return typeof value === "function" ? value.bind(t) : value;
    },
  });
}

export function nulSafeAdapterFactory(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return new Proxy(factory, {
    get(target, prop, receiver) {
      if (prop === "connect") {
        return async () => {
          const adapter = await target.connect();
          return wrap(adapter, {
            startTransaction: async (...args: Parameters<SqlDriverAdapter["startTransaction"]>) => wrap(await adapter.startTransaction(...args)),
          });
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}
