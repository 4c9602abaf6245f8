/** A write waiting to reach the server. Its `id` is the record's own UUIDv7, so a replay is recognised. */
export interface OutboxRequest {
  id: string;
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body: unknown;
  /** What the user will recognise in the pending list, e.g. '川A·12345 3人'. */
  label: string;
  createdAt: string;
  attempts: number;
  /** Set when the server refused it (a 4xx other than a duplicate): it waits for the user. */
  error?: { status: number; message: string };
}

export type SubmitResult<T> = { status: 'sent'; data: T } | { status: 'queued' };
