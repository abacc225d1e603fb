// The gateways this shop offers, registered once per server process. Import this module
// (for its side effect) wherever checkout or admin pages need the registry filled.
// Card and online-payment-agency gateways register here as they are built.
import "@/lib/payments/card/gateway";
import "@/lib/payments/cvs/gateway";
export {};
