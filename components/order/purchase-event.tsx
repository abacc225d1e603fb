"use client";
// Conversion tracking for card payments (the manual: カード決済はコンバージョンのトラッキングが可能):
// a GA4-style `purchase` event on window.dataLayer, once per order — a reload or a second
// visit of the thank-you page in this browser does not count the sale again.
import { useEffect } from "react";

interface PurchaseEntry {
  event?: string;
  ecommerce?: { transaction_id?: string };
}

type DataLayerWindow = Window & { dataLayer?: PurchaseEntry[] };

export function PurchaseEvent({ orderId, value, currency }: { orderId: number; value: number; currency: string }) {
  useEffect(() => {
    const key = `purchase-tracked:${orderId}`;
    const transactionId = String(orderId);
    try {
      if (window.localStorage.getItem(key)) return;
    } catch {
      // storage unavailable (private mode): fall back to the in-page check below
    }
    const w = window as DataLayerWindow;
    w.dataLayer = w.dataLayer ?? [];
    if (w.dataLayer.some((e) => e?.event === "purchase" && e.ecommerce?.transaction_id === transactionId)) return;
    w.dataLayer.push({ event: "purchase", ecommerce: { transaction_id: transactionId, value, currency } } as PurchaseEntry);
    try {
      window.localStorage.setItem(key, "1");
    } catch {
      // see above
    }
  }, [orderId, value, currency]);
  return null;
}
