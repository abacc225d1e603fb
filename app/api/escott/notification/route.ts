// 入金結果通知 (docs/escott-protocol.md §7.3): the URL merchants register with Sony Payment Services,
// answered by the CVS gateway's "notification" endpoint (lib/payments/cvs/notification.ts).
import "@/lib/payments/gateways";
import { gatewayEndpoint } from "@/lib/payments/registry";

export const dynamic = "force-dynamic";

export const POST = (request: Request) => gatewayEndpoint("cvs", "notification", request);
