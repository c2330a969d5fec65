import { Logger } from '@nestjs/common';

/** A batch whose data changed the figures: ingested and committed, or its texts analysed. */
export interface BatchCommittedEvent {
  readonly batchId: string;
  /** The kind of rows (claims, sales, feedback, …). */
  readonly kind: string;
  /** `ingest`: the batch committed; `analysis`: its background text analysis finished. */
  readonly stage: 'ingest' | 'analysis';
}

export type BatchCommittedListener = (event: BatchCommittedEvent) => unknown;

/**
 * Who wants to know that a batch committed (the alerts, docs/notifications.md), without the
 * ingest pipeline knowing them: listeners subscribe here, the pipeline announces here. A
 * listener runs after the announcing code has moved on (never inside its transaction, never
 * delaying its answer); its failure is logged, never thrown back.
 */
export class BatchEvents {
  private readonly logger = new Logger('BatchEvents');
  private readonly listeners = new Set<BatchCommittedListener>();

  /** Subscribes; returns the function that unsubscribes. */
  onCommitted(listener: BatchCommittedListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Announces a committed batch (call it after COMMIT). Returns at once. */
  committed(event: BatchCommittedEvent): void {
    for (const listener of [...this.listeners]) {
      setImmediate(() => {
        try {
          Promise.resolve(listener(event)).catch((error: unknown) => this.failed(event, error));
        } catch (error) {
          this.failed(event, error);
        }
      });
    }
  }

  private failed(event: BatchCommittedEvent, error: unknown): void {
    this.logger.error(
      `A listener of batch ${event.batchId} (${event.stage}) failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/** The process's one registry (the command line's ingest has no listeners: a no-op there). */
export const batchEvents = new BatchEvents();
