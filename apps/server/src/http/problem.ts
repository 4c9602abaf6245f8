/** A field-level error: a dotted path and a message key from @fangkong/domain's messages. */
export interface FieldError {
  field: string;
  key: string;
  params?: Record<string, string | number>;
  /** The row of an uploaded file the error is about (imports). */
  row?: number;
}

/** An expected failure that becomes an application/problem+json reply. */
export class Problem extends Error {
  constructor(
    readonly status: number,
    readonly key: string,
    readonly fields: FieldError[] = [],
    readonly params?: Record<string, string | number>,
    /** Headers the answer carries, such as Retry-After. */
    readonly headers?: Record<string, string>,
  ) {
    super(key);
  }
}

export const notFound = () => new Problem(404, 'notFound');
export const conflict = (field: string, key = 'conflict') => new Problem(409, 'conflict', [{ field, key }]);
export const invalid = (fields: FieldError[]) => new Problem(422, 'validation', fields);
export const forbidden = () => new Problem(403, 'forbidden');
export const unauthorized = (key = 'unauthorized') => new Problem(401, key);
