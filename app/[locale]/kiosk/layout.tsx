import { clientMessagesLayout } from '@/components/client-messages';
import { KIOSK_CLIENT_NAMESPACES } from '@/lib/i18n/client-namespaces';

/** The kiosk's client components (the QR scanner) translate with a namespace citizens' pages do not carry. */
export default clientMessagesLayout(KIOSK_CLIENT_NAMESPACES);
