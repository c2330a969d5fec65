/** The request body as a whole cannot be read (wrong format, malformed, truncated). */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
