import { useLocale } from 'next-intl';
import type { ComponentProps } from 'react';
import { getPathname } from '@/lib/i18n/navigation';

type Href = Parameters<typeof getPathname>[0]['href'];

/**
 * A link to one of our pages in the reader's language, as a plain `<a>` rendered on the server. The booking pages'
 * content uses it rather than next-intl's client `Link`: each of those is a client component in the RSC payload and
 * prefetches its page as soon as it is visible. A click loads the page anew, which a page of free times wants anyway.
 * (Header and footer keep `Link`: README, "Load test".)
 */
export function PageLink({ href, ...props }: Omit<ComponentProps<'a'>, 'href'> & { href: Href }) {
  // Synchronous (next-intl's hooks work in server components): a link is no async step of the render.
  return <a href={getPathname({ href, locale: useLocale() })} {...props} />;
}
