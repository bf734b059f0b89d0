'use client';

import { useEffect, useRef } from 'react';

/** Lists what went wrong at the top of a form and takes focus, so keyboard and screen-reader users land on it. */
export function ErrorSummary({ title, errors }: { title: string; errors: { field?: string; message: string }[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [errors]);
  if (errors.length === 0) return null;
  return (
    <div ref={ref} className="alert alert--error" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="alert__title">
        {title}
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={`${e.field}-${e.message}`}>{e.field ? <a href={`#field-${e.field}`}>{e.message}</a> : e.message}</li>
        ))}
      </ul>
    </div>
  );
}
