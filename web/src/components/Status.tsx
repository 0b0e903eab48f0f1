import type { ComponentChildren } from 'preact';
import { ApiError } from '../api';

/** An API or network error, as text. */
export function ErrorBox({ error, what }: { error: Error | null | undefined; what?: string }) {
  if (!error) return null;
  const api = error instanceof ApiError ? error : null;
  return (
    <div class="error" role="alert">
      <strong>{what ? `Could not load ${what}.` : 'Something went wrong.'}</strong>{' '}
      {api && api.status ? <code>{`${api.status} ${api.code}`}</code> : null} <span>{error.message}</span>
    </div>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p class="loading" role="status">
      {label}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

/** Error, loading or nothing: for the usual three-state header of a list. */
export function LoadState({ error, loading, what }: { error: Error | null; loading: boolean; what: string }) {
  if (error) return <ErrorBox error={error} what={what} />;
  if (loading) return <Loading label={`Loading ${what}…`} />;
  return null;
}
