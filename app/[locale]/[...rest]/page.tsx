import { notFound } from 'next/navigation';

/** Any path under /de or /en that no route takes: the translated not-found page of the locale, with status 404. */
export default function UnknownPage() {
  notFound();
}
