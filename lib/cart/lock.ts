// Checkouts of one cart (a second tab, a retried request, another instance) are serialized on the
// cart row: placing an order and starting its payment take this lock first in their transaction,
// before any product row (stock), so two of them can never wait on each other's locks. SQLite needs
// nothing: its transactions are serialized in process (lib/serialized-adapter.ts).
import { dbEngine, type Tx } from "@/lib/db";

export async function lockCartRow(tx: Tx, cartId: string): Promise<void> {
  if (dbEngine(tx) === "postgresql") await tx.$executeRaw`SELECT 1 FROM "Cart" WHERE "id" = ${cartId} FOR UPDATE`;
}
