// Setup file of the Vitest project "postgresql" (vitest.config.ts): a test that shows a gap
// PostgreSQL still has is listed here and skipped there, visibly, until the gap is closed.
// Closed so far: two tabs of one cart charged at once (startCheckoutPayment now locks the cart row).
import { beforeEach } from "vitest";

export const POSTGRES_KNOWN_GAPS: { test: string; why: string }[] = [];

beforeEach((context) => {
  const gap = POSTGRES_KNOWN_GAPS.find((g) => g.test === context.task.name);
  if (gap) context.skip(`known PostgreSQL gap: ${gap.why}`);
});
