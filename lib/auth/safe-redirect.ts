/** Only same-site paths: "/account" yes; "//evil.example", "https://…", "/\\evil" no. */
export function safeReturnPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return fallback;
  return value;
}
