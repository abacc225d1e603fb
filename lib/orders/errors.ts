export class OrderError extends Error {
  constructor(
    readonly code: "not_found" | "invalid_transition" | "conflict" | "out_of_stock",
    message: string,
  ) {
    super(message);
    this.name = "OrderError";
  }
}
