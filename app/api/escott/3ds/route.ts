// e-SCOTT's 3-D Secure page posts EncryptValue here (checkout and My Account card registration):
// the path merchants already use, answered by the card gateway's "3ds" endpoint.
// Deliberately session-free: see lib/payments/card/three-d-secure-return.ts. POST only: other
// methods reach the endpoint too, which answers them 405 with `Allow: POST`.
import "@/lib/payments/gateways";
import { gatewayEndpoint } from "@/lib/payments/registry";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => gatewayEndpoint("card", "3ds", request);
export const GET = POST;
