import { request, type ClientRequest } from 'node:http';

export interface SlowAnswer {
  /** HTTP status, or null when the connection died before an answer. */
  readonly status: number | null;
  readonly body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON answer read by tests
  readonly headers: Record<string, string | string[] | undefined>;
  /** When the answer arrived (Date.now()). */
  readonly at: number;
  readonly error?: string;
}

/** An upload whose body the test sends piece by piece, as slowly as it likes. */
export interface SlowUpload {
  readonly answer: Promise<SlowAnswer>;
  write(text: string): void;
  /** Sends `next()` every `ms` until `end()` or an answer. */
  trickle(next: () => string, ms: number): void;
  end(text?: string): void;
  /** Cuts the connection. */
  abort(): void;
}

const open = new Set<SlowUpload>();

/** Cuts every slow upload still open (an afterEach: a failed test leaves no socket behind). */
export function abortSlowUploads(): void {
  for (const upload of open) upload.abort();
  open.clear();
}

/** POST `path` with a streamed body; nothing is sent but the headers until `write`. */
export function slowUpload(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
): SlowUpload {
  let timer: NodeJS.Timeout | undefined;
  let answered = false;
  const req: ClientRequest = request(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/csv', ...headers },
  });
  req.flushHeaders();
  const answer = new Promise<SlowAnswer>((resolve) => {
    const settle = (value: Omit<SlowAnswer, 'at'>) => {
      if (answered) return;
      answered = true;
      clearInterval(timer);
      resolve({ ...value, at: Date.now() });
    };
    req.on('error', (error) =>
      settle({ status: null, body: null, headers: {}, error: error.message }),
    );
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the text
        }
        settle({ status: res.statusCode ?? null, body, headers: res.headers });
        if (!req.writableEnded) req.destroy(); // the answer came before the whole body
      });
      res.on('error', (error) =>
        settle({ status: res.statusCode ?? null, body: null, headers: {}, error: error.message }),
      );
    });
  });
  const write = (text: string) => {
    if (!answered && !req.destroyed && !req.writableEnded) req.write(text);
  };
  const upload: SlowUpload = {
    answer,
    write,
    trickle(next, ms) {
      clearInterval(timer);
      timer = setInterval(() => write(next()), ms);
    },
    end(text) {
      clearInterval(timer);
      if (!answered && !req.destroyed && !req.writableEnded) req.end(text);
    },
    abort() {
      clearInterval(timer);
      req.destroy();
      open.delete(upload);
    },
  };
  open.add(upload);
  void answer.then(() => open.delete(upload));
  return upload;
}

/** Claims rows `<prefix>-<n>` from `from` on, valid, about 50 bytes each. */
export function claimRows(prefix: string, from: number, count: number): string {
  let text = '';
  for (let i = from; i < from + count; i++) {
    text += `${prefix}-${i},return,email,2026-02-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00Z,row ${i}\n`;
  }
  return text;
}

export const CLAIMS_HEADER = 'Ticket,Type,Channel,Date received,Comment\n';
