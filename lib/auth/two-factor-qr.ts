import "server-only";
// The enrolment QR code, drawn on the server (no QR code script in the browser): an SVG as a
// data: URL for an <img> (the Content-Security-Policy allows data: images).
import QRCode from "qrcode";

export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}

/** "ABCD EFGH IJKL …": the base32 secret in groups of four, easier to type (apps ignore the spaces). */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, "$1 ");
}
