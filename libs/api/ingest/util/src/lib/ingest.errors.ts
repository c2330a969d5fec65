import type { BatchReport, MappingSuggestion } from '@returnlens/shared/contracts';

/**
 * The ways an upload stops. Messages are written for the shop owner: they are sent as they
 * are (docs/reliability.md, "Error contract").
 */

/** No mapping was given and the headers could not be matched with confidence. */
export class MappingNeededError extends Error {
  constructor(readonly suggestion: MappingSuggestion) {
    const unknown = suggestion.matches
      .filter((m) => m.unknownValues?.length && suggestion.missingRequired.includes(m.field))
      .map(
        (m) =>
          ` Column "${m.column}" looks like ${m.field}, but its values ${m.unknownValues
            ?.map((v) => `"${v}"`)
            .join(', ')} are not known ones: map them in values.${m.field}.`,
      );
    super(
      `The columns could not all be matched: ${suggestion.missingRequired.join(', ')} ` +
        `${suggestion.missingRequired.length === 1 ? 'has' : 'have'} no column.${unknown.join('')} ` +
        `Send a mapping (see the suggestion; {"defaults": {…}} or {"values": {…}} alone are merged with it) or a preset name.`,
    );
    this.name = 'MappingNeededError';
  }
}

/** A retried request whose first attempt is still running. */
export class BatchInProgressError extends Error {
  constructor(readonly batchId: string) {
    super(
      `A request with this Idempotency-Key is still being processed (batch ${batchId}); retry later.`,
    );
    this.name = 'BatchInProgressError';
  }
}

/** How a batch stopped by a server-side fault starts its error (never the fault itself). */
export const INTERNAL_FAILURE = 'An internal error stopped this batch';

/** The batch failed as a whole (unreadable file, or a server-side fault); nothing of it was stored. */
export class BatchFailedError extends Error {
  /** A server-side fault rather than a problem of the file. */
  readonly internal: boolean;

  constructor(
    message: string,
    readonly report: BatchReport | null,
    options?: { cause?: unknown; internal?: boolean },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'BatchFailedError';
    this.internal = options?.internal ?? message.startsWith(INTERNAL_FAILURE);
  }
}

/** Another request holds this Idempotency-Key: wait for its answer instead of loading twice. */
export class KeyInUseError extends Error {}

export class EmptyBatchError extends Error {
  constructor() {
    super('The file has no data rows.');
    this.name = 'EmptyBatchError';
  }
}

export class BatchNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`There is no batch ${id}.`);
    this.name = 'BatchNotFoundError';
  }
}

/** The mapping names, for a required field, a column the file's header (CSV, Arrow) lacks. */
export class MappingColumnsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingColumnsError';
  }
}

export class MappingPresetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MappingPresetError';
  }
}
