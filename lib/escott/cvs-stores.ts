// 収納機関コード → display name (docs/escott-protocol.md §7.6). Browser-safe.

export const CVS_STORES: Readonly<Record<string, string>> = {
  LSN: "ローソン",
  FAM: "ファミリーマート",
  SAK: "サンクス",
  CCK: "サークルK",
  ATM: "Pay-easy（ATM）",
  ONL: "Pay-easy（オンライン）",
  LNK: "Pay-easy（情報リンク）",
  SEV: "セブンイレブン",
  MNS: "ミニストップ",
  DAY: "デイリーヤマザキ",
  EBK: "楽天銀行",
  JNB: "ジャパンネット銀行",
  EDY: "Edy",
  SUI: "Suica",
  FFF: "スリーエフ",
  JIB: "じぶん銀行",
  SNB: "住信SBIネット銀行",
  SCM: "セイコーマート",
  JPM: "JCBプレモ",
};

/** Unknown codes are shown verbatim, as the vendor's WooCommerce plugins do (docs/escott-protocol.md §7.6). */
export function cvsStoreName(cvsCd: string): string {
  return Object.hasOwn(CVS_STORES, cvsCd) ? (CVS_STORES[cvsCd] ?? cvsCd) : cvsCd;
}
