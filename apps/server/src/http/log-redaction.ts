// The server log never carries personal data. A failed query's error holds its parameters (ID
// numbers, phones, names) in `params`, in its message ("Failed query: … params: …") and in the
// driver's `detail` ("Key (id_number)=(…) already exists"); a request's query string holds what
// was searched for. Only what tells an operator what broke is kept: the error's class, the
// PostgreSQL code, constraint, table and column, the message with its values blanked, the stack's
// frames, and the request's path.

interface LoggedError {
  type: string;
  message: string;
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  routine?: string;
  stack?: string;
  cause?: LoggedError;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/** A message with every quoted value, every run of 6+ digits and everything after "params:" blanked. */
export function redactMessage(message: string): string {
  return message
    .replace(/params:[\s\S]*$/i, 'params: [redacted]')
    .replace(/"([^"]*)"/g, (all, inner: string) => (IDENTIFIER.test(inner) ? all : '"…"'))
    .replace(/'([^']*)'/g, (all, inner: string) => (IDENTIFIER.test(inner) ? all : "'…'"))
    .replace(/\(([^()]*)\)=\(([^()]*)\)/g, '($1)=(…)')
    .replace(/\d{6,}[\dXx]?/g, '…');
}

const text = (v: unknown) => (typeof v === 'string' && v ? v : undefined);

/** The error as it may be logged; at most three causes deep. */
export function redactError(err: unknown, depth = 0): LoggedError {
  if (!(err instanceof Error)) return { type: typeof err, message: '[redacted non-error]' };
  const e = err as Error & Record<string, unknown>;
  // Drizzle's "Failed query" message is the SQL and its parameters: the driver's error is the cause.
  const query = 'query' in e && 'params' in e;
  const frames = e.stack
    ?.split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .join('\n');
  return {
    type: e.constructor?.name ?? 'Error',
    message: query ? 'Failed query' : redactMessage(e.message),
    code: text(e.code),
    constraint: text(e.constraint),
    table: text(e.table),
    column: text(e.column),
    routine: text(e.routine),
    stack: frames || undefined,
    cause: e.cause !== undefined && depth < 3 ? redactError(e.cause, depth + 1) : undefined,
  };
}

interface RequestLike {
  method?: string;
  url?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Serializers for pino (and Fastify's request logs): errors redacted, URLs without their query. */
export const logSerializers = {
  err: (err: unknown) => redactError(err),
  error: (err: unknown) => redactError(err),
  req: (req: RequestLike) => ({
    method: req.method,
    url: req.url?.split('?')[0],
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};
