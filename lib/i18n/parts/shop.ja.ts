// Checkout's final confirmation (最終確認画面), delivery date/time (配送日時指定) and shipping by prefecture.
export const shopJa = {
  confirm: {
    title: "ご注文内容の最終確認",
    intro: "「注文する」を押す前に、以下の内容をご確認ください。",
    items: "商品と数量",
    quantity: "数量 {count}",
    totals: "お支払い金額",
    paymentMethod: "お支払い方法",
    noMethod: "（未選択）",
    paymentTiming: "お支払い時期",
    delivery: "お届け時期",
    deliveryChosen: "ご指定のお届け日時",
    returns: "返品・キャンセル",
    missingTerm: "「特定商取引法に基づく表記」をご確認ください。",
    legalLink: "特定商取引法に基づく表記（全文）",
  },
};
