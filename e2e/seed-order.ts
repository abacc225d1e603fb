// Orders cannot be placed through the UI until a payment method exists, so admin tests
// place them with the shop's own order code, directly against the e2e database.
import { randomUUID } from "node:crypto";
import { addItem, ensureCart } from "@/lib/cart/store";
import { createDb } from "@/lib/db";
import { placeOrder } from "@/lib/orders/place";

export async function seedOrder(email: string, slug = "imabari-face-towels", quantity = 1): Promise<number> {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const product = await db.product.findUniqueOrThrow({ where: { slug } });
    const cart = await ensureCart(db, { userId: null, token: null });
    await addItem(db, cart.id, product.id, quantity);
    const order = await placeOrder(db, {
      cartId: cart.id,
      checkoutKey: randomUUID(),
      userId: null,
      locale: "ja",
      paymentMethod: null,
      shipping: { flatFee: 800, freeThreshold: 10000 },
      data: {
        billing: {
          lastName: "佐藤",
          firstName: "一郎",
          lastNameKana: "サトウ",
          firstNameKana: "イチロウ",
          postalCode: "530-0001",
          prefecture: "27",
          city: "大阪市北区",
          address1: "梅田1-1",
          address2: "",
          phone: "06-1234-5678",
        },
        email,
        shipToDifferentAddress: false,
        shipping: null,
      },
    });
    return order.id;
  } finally {
    await db.$disconnect();
  }
}

export async function orderStatus(id: number): Promise<{ status: string; notes: number }> {
  const db = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const order = await db.order.findUniqueOrThrow({ where: { id }, include: { notes: true } });
    return { status: order.status, notes: order.notes.length };
  } finally {
    await db.$disconnect();
  }
}
