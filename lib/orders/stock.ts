import type { Tx } from "@/lib/db";
import { OrderError } from "@/lib/orders/errors";

interface StockLine {
  productId: string | null;
  quantity: number;
  name?: string;
}

/**
 * Takes stock for every line or none (the caller's transaction rolls back on throw).
 * The conditional update makes two concurrent checkouts unable to oversell.
 */
export async function reserveStock(tx: Tx, lines: StockLine[]): Promise<void> {
  for (const line of lines) {
    if (!line.productId) continue;
    const res = await tx.product.updateMany({
      where: { id: line.productId, stock: { gte: line.quantity } },
      data: { stock: { decrement: line.quantity } },
    });
    if (res.count !== 1) {
      throw new OrderError("out_of_stock", `Not enough stock for ${line.name ?? line.productId}`);
    }
  }
}

export async function releaseStock(tx: Tx, lines: StockLine[]): Promise<void> {
  for (const line of lines) {
    if (!line.productId) continue;
    await tx.product.updateMany({ where: { id: line.productId }, data: { stock: { increment: line.quantity } } });
  }
}
