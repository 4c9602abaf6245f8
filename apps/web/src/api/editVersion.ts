import { useCallback, useEffect, useRef, useState } from 'react';
import { apiRequest, ApiError } from './client';

/** A field another user changed while this one was editing: its value when the form opened, and now. */
export interface ChangedField {
  field: string;
  before: unknown;
  after: unknown;
}

/** A record as read, with the ETag of its version. */
export type Loaded = { etag: string | null; data: Record<string, unknown> };

async function load(url: string): Promise<Loaded> {
  let etag: string | null = null;
  const data = await apiRequest<Record<string, unknown>>(url, { onEtag: (e) => (etag = e) });
  return { etag, data };
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): ChangedField[] {
  const plain = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v) || Array.isArray(v);
  return Object.keys(after)
    .filter((k) => plain(after[k]) && JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

export interface EditVersionOptions {
  /** The version the page already shows (no extra read when the form opens); read from `url` otherwise. */
  initial?: () => Loaded | null;
  /** Called with the other user's version read after a 412, e.g. to show it on the page behind the form. */
  onFresh?: (fresh: Loaded) => void;
}

/**
 * The version an edit form works on (taken when `url` is set). `patch` (or `send`, for another
 * write on the same record) sends it as If-Match; when someone else saved in between (412), it
 * loads their version, answers what they changed, and the next write (the user reapplying their
 * own values) goes against it.
 */
export function useEditVersion(url: string | null, options: EditVersionOptions = {}) {
  const base = useRef<Loaded | null>(null);
  const opts = useRef(options);
  opts.current = options;
  const [conflict, setConflict] = useState<ChangedField[] | null>(null);
  useEffect(() => {
    base.current = null;
    setConflict(null);
    if (!url) return;
    const given = opts.current.initial?.();
    if (given) base.current = given;
    else
      void load(url).then(
        (l) => (base.current = l),
        () => {},
      );
  }, [url]);
  const send = useCallback(
    async <T>(body: unknown, target: { method?: 'PATCH' | 'POST' | 'PUT'; url?: string } = {}): Promise<T> => {
      if (!url) throw new Error('no record to edit');
      try {
        return await apiRequest<T>(target.url ?? url, {
          method: target.method ?? 'PATCH',
          body,
          ifMatch: base.current?.etag ?? undefined,
          onEtag: (etag) => {
            base.current = null;
            setConflict(null);
            // A form that stays open edits on from the version it left (a page's own read otherwise refreshes it).
            if (etag && !opts.current.initial)
              void load(url).then(
                (l) => (base.current = l),
                () => {},
              );
          },
        });
      } catch (e) {
        if (e instanceof ApiError && e.status === 412) {
          const fresh = await load(url);
          setConflict(changedFields(base.current?.data ?? {}, fresh.data));
          base.current = fresh;
          opts.current.onFresh?.(fresh);
        }
        throw e;
      }
    },
    [url],
  );
  const patch = useCallback(<T>(body: unknown) => send<T>(body), [send]);
  return { patch, send, conflict };
}
