// Slows down password guessing: after 10 failures for one e-mail address within 15 minutes,
// further attempts are refused until the window passes. In memory: one process serves the shop.
const WINDOW_MS = 15 * 60 * 1000;
const MAX_FAILURES = 10;

export function createLimiter(max = MAX_FAILURES, windowMs = WINDOW_MS, now = () => Date.now()) {
  const failures = new Map<string, number[]>();
  const recent = (key: string) => (failures.get(key) ?? []).filter((t) => now() - t < windowMs);
  return {
    allow: (key: string) => recent(key).length < max,
    fail: (key: string) => failures.set(key, [...recent(key), now()]),
    reset: (key: string) => failures.delete(key),
  };
}

export const loginLimiter = createLimiter();
