/**
 * The inbound boundary from Försäkringskassan: what FK sends arrives here. The national transport
 * is not reachable from here; it plugs in behind this interface (the file inbox is the one we
 * ship). Each received message is claimed for this process until it is acknowledged, rejected or
 * released, so several processes never handle the same message at once.
 */
export interface InboundEnvelope {
  /** The transport's handle of this delivery (not FK's message id, which is inside the body). */
  id: string;
  /** The raw message: JSON text in the format of src/arenden/inbound.ts. */
  body: string;
}

export interface InboundTransport {
  readonly name: string;
  /** Claims what has arrived (at most `limit` messages). */
  receive(limit?: number): Promise<InboundEnvelope[]>;
  /** Handled: never delivered again. */
  acknowledge(id: string): Promise<void>;
  /** Refused for good, with the reasons a person reads. Never thrown away. */
  reject(id: string, reasons: string[]): Promise<void>;
  /** Not handled now (e.g. the database was down): deliver it again later. */
  release(id: string): Promise<void>;
}
