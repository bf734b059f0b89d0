import { frontDeskLocation } from '@/db/queries/front-desk';
import { displayState } from '@/lib/front-desk/desk';
import { frontDeskFeed } from '@/lib/front-desk/live';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 15_000;

/**
 * Server-Sent Events for an office's call display and day plan: the current calls at once, then again on every
 * change announced through PostgreSQL (from any app instance) and after the feed reconnected. Numbers and
 * counters only. The browser's EventSource reconnects by itself when this instance goes away.
 */
export async function GET(request: Request, { params }: { params: Promise<{ office: string }> }) {
  const { office } = await params;
  const location = await frontDeskLocation({ slug: office }).catch(() => null);
  if (!location) return new Response('unknown office', { status: 404 });
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let sending = false;
      let again = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // One state query at a time per stream; changes arriving meanwhile fold into one more send.
      const send = async () => {
        if (sending) {
          again = true;
          return;
        }
        sending = true;
        try {
          do {
            again = false;
            const state = await displayState({ locationId: location.id, timeZone: location.timeZone });
            write(`event: state\ndata: ${JSON.stringify(state)}\n\n`);
          } while (again && !closed);
        } catch {
          // The database is away; the feed resends once it is back.
        } finally {
          sending = false;
        }
      };
      const unsubscribe = frontDeskFeed().subscribe((locationId) => {
        if (locationId === location.id || locationId === -1) void send();
      });
      const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      request.signal.addEventListener('abort', () => cleanup());
      write('retry: 1000\n\n');
      void send();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' },
  });
}
