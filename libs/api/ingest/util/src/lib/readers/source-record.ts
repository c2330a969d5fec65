/** One record of an uploaded file, before validation. */
export interface SourceRecord {
  /** 1-based: the data row of a CSV (header excluded), the line of NDJSON, the element of a JSON array. */
  readonly rowNumber: number;
  /** The record as it arrived (CSV cells are strings; JSON and Arrow keep their types). */
  readonly raw: Record<string, unknown>;
  /** The record's original text, kept with a rejected row. */
  readonly rawText: string;
}

/** A record that could not even be parsed (a bad NDJSON line, a JSON element that is no object). */
export interface UnreadableRecord {
  readonly rowNumber: number;
  readonly rawText: string;
  /** What is wrong, in English (RowError.message). */
  readonly message: string;
  /** The problem's code and values, from which the message is written in other languages. */
  readonly code?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type ReadItem = SourceRecord | UnreadableRecord;

export function isUnreadable(item: ReadItem): item is UnreadableRecord {
  return 'message' in item;
}

export interface RecordSource {
  /** Column names (CSV header, keys of the first JSON object, Arrow schema fields). */
  readonly headers: readonly string[];
  /** Detected or declared details worth reporting (encoding, delimiter). */
  readonly details: Readonly<Record<string, string>>;
  /** The records, in arrays of up to a few thousand (fewer awaits per row). */
  readonly batches: AsyncIterable<readonly ReadItem[]>;
  /**
   * What the reader did that the batch report must say (rows read in another encoding than
   * the file's), in words for the shop owner; complete once every batch has been read.
   */
  readonly warnings?: () => readonly string[];
}
