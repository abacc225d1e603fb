// 適格請求書発行事業者の登録番号: "T" + 13 digits. For a corporation the 13 digits are its 法人番号,
// whose first digit is a check digit over the other twelve (国税庁「法人番号の指定」, 検査用数字):
//   9 − (Σ P_n × Q_n mod 9), P_n the n-th digit counting from the lowest, Q_n = 1 for odd n, 2 for even n.
// Sole proprietors get a number from the same scheme, so the same check applies to every 登録番号.

/** Full-width digits and letters, spaces and hyphens as people type them → "T1234567890123". */
export function normalizeRegistrationNumber(input: string): string {
  return input.normalize("NFKC").replace(/[\s\-‐－ー]/g, "").toUpperCase();
}

/** The check digit of a 13-digit 法人番号 computed from its last twelve digits. */
export function corporateNumberCheckDigit(twelveDigits: string): number {
  if (!/^\d{12}$/.test(twelveDigits)) throw new Error("twelve digits expected");
  let sum = 0;
  for (let n = 1; n <= 12; n++) {
    const digit = Number(twelveDigits[12 - n]);
    sum += digit * (n % 2 === 1 ? 1 : 2);
  }
  return 9 - (sum % 9);
}

/** True for a normalized "T" + 13 digits whose first digit checks out. */
export function isValidRegistrationNumber(value: string): boolean {
  const m = /^T(\d)(\d{12})$/.exec(value);
  if (!m) return false;
  return Number(m[1]) === corporateNumberCheckDigit(m[2]!);
}
