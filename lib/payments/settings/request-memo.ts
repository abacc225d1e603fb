// Values read once per request. React's cache() dedupes during rendering only: inside a server action
// it calls through every time, and one place-order request asked for the gateway settings 11 times
// (bench/RESULTS.md). The action runs in withRequestMemo(), and memoized() then loads each key once.
import { AsyncLocalStorage } from "node:async_hooks";

const store = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `work` with a fresh memo: memoized() calls inside it share their results. */
export function withRequestMemo<T>(work: () => Promise<T>): Promise<T> {
  return store.run(new Map(), work);
}

/** `load()` once per key inside withRequestMemo(); outside it, simply `load()`. A failed load is not kept. */
export function memoized<T>(key: string, load: () => Promise<T>): Promise<T> {
  const memo = store.getStore();
  if (!memo) return load();
  const known = memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  memo.set(key, loading);
  loading.catch(() => memo.delete(key));
  return loading;
}
