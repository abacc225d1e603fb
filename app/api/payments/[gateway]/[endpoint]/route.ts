// Every gateway's endpoints (a 3-D Secure return, a payment notification…) at
// /api/payments/<gateway>/<endpoint>: a new gateway needs no route of its own.
import "@/lib/payments/gateways";
import { gatewayEndpoint } from "@/lib/payments/registry";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ gateway: string; endpoint: string }> };

export async function POST(request: Request, { params }: Params): Promise<Response> {
  const { gateway, endpoint } = await params;
  return gatewayEndpoint(gateway, endpoint, request);
}

export const GET = POST;
