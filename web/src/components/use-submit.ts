import { type FormEvent, useState } from 'react';

/**
 * A form's sending: busy while the request runs, and the server's refusal kept to show
 * (its message, already in the user's language, and the field it names).
 */
export function useSubmit<T>(send: () => Promise<T>, onDone?: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone?.(await send());
    } catch (failure) {
      const { message, field } = failure as Error & { field?: string };
      setError({ message, field });
    } finally {
      setBusy(false);
    }
  };
  return { submit, busy, error, setError };
}
