/**
 * The boundary to Försäkringskassan. The national transport is not reachable from here; it plugs
 * in behind this interface. A transport must be idempotent per message id: the worker may deliver
 * a message again after a crash between sending and recording the delivery.
 */
export interface OutboxEnvelope {
  /** Stable across retries: the receiver de-duplicates on it. */
  messageId: string;
  kind: string;
  createdAt: string;
  payload: Record<string, unknown>;
}

export interface Transport {
  readonly name: string;
  deliver(envelope: OutboxEnvelope): Promise<{ externalRef: string }>;
}

/** A refusal the receiver will repeat: retrying does not help. */
export class PermanentTransportError extends Error {}
