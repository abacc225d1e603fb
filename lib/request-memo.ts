// Values read once per request. React's cache() dedupes during rendering only: inside a server action
// it calls through every time, and one place-order request asked for the gateway settings 11 times
// (bench/RESULTS.md). The action runs in withRequestMemo(), and memoized() then loads each key once.
import { AsyncLocalStorage } from "node:async_hooks";

/** Per request: the loads of each owner (a database client; `GLOBAL` for keys that name their source). */
type Memo = WeakMap<object, Map<string, Promise<unknown>>>;

const store = new AsyncLocalStorage<Memo>();
const GLOBAL = {};

/** Runs `work` with a fresh memo: memoized() calls inside it share their results. */
export function withRequestMemo<T>(work: () => Promise<T>): Promise<T> {
  return store.run(new WeakMap(), work);
}

/** Whether this code runs inside withRequestMemo() (a read may then load more at once, for later calls). */
export function inRequestMemo(): boolean {
  return store.getStore() !== undefined;
}

/**
 * `load()` once per key (and per `owner`, e.g. the database client read from) inside
 * withRequestMemo(); outside it, simply `load()`. A failed load is not kept.
 */
export function memoized<T>(key: string, load: () => Promise<T>, owner: object = GLOBAL): Promise<T> {
  const memo = store.getStore();
  if (!memo) return load();
  let loads = memo.get(owner);
  if (!loads) memo.set(owner, (loads = new Map()));
  const known = loads.get(key) as Promise<T> | undefined;
  if (known) return known;
  const loading = load();
  const kept = loads;
  kept.set(key, loading);
  loading.catch(() => kept.delete(key));
  return loading;
}

/** After a write: the next memoized() of this key reads again. */
export function forgetMemoized(key: string, owner: object = GLOBAL): void {
  store.getStore()?.get(owner)?.delete(key);
}
