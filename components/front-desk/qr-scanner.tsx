'use client';

import jsQR from 'jsqr';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';

const subscribe = () => () => {};
const TOKEN = /^[A-Za-z0-9_-]{16,64}$/;

/** The check-in token in a QR code's pixels, or null. */
function decode(canvas: HTMLCanvasElement, source: CanvasImageSource, width: number, height: number): string | null {
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context || width === 0 || height === 0) return null;
  context.drawImage(source, 0, 0, width, height);
  const code = jsQR(context.getImageData(0, 0, width, height).data, width, height);
  const text = code?.data.trim() ?? '';
  return TOKEN.test(text) ? text : null;
}

/**
 * Reads the QR code of a booking with the tablet's camera (or from a photo) and submits its check-in token.
 * Only with JavaScript; the typed booking number beside it works without.
 */
export function QrScanner({ action, locale }: { action: (formData: FormData) => Promise<void>; locale: string }) {
  const t = useTranslations('Kiosk');
  const scripted = useSyncExternalStore(subscribe, () => true, () => false);
  const form = useRef<HTMLFormElement>(null);
  const token = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [camera, setCamera] = useState<'off' | 'on' | 'failed'>('off');
  const [fileFailed, setFileFailed] = useState(false);

  const submit = (value: string) => {
    if (!token.current || !form.current) return;
    token.current.value = value;
    form.current.requestSubmit();
  };

  useEffect(() => {
    if (camera !== 'on') return;
    let stream: MediaStream | null = null;
    let timer: number | undefined;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        if (stopped) return media.getTracks().forEach((track) => track.stop());
        stream = media;
        const element = video.current!;
        element.srcObject = media;
        await element.play();
        timer = window.setInterval(() => {
          const found = decode(canvas.current!, element, element.videoWidth, element.videoHeight);
          if (found) {
            window.clearInterval(timer);
            submit(found);
          }
        }, 200);
      })
      .catch(() => setCamera('failed'));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [camera]);

  if (!scripted) return null;
  return (
    <div className="qr-scanner">
      <form ref={form} action={action}>
        <input type="hidden" name="locale" value={locale} />
        <input ref={token} type="hidden" name="token" />
      </form>
      <p>{t('scanIntro')}</p>
      {camera === 'on' ? (
        <>
          <video ref={video} className="qr-scanner__video" muted playsInline aria-label={t('cameraView')} />
          <button type="button" className="button button--secondary" onClick={() => setCamera('off')}>
            {t('cameraStop')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--primary" onClick={() => setCamera('on')}>
          {t('cameraStart')}
        </button>
      )}
      {camera === 'failed' && (
        <p className="field__error" role="alert">
          {t('cameraFailed')}
        </p>
      )}
      <canvas ref={canvas} hidden />
      <div className="qr-scanner__file">
        <label htmlFor="qr-file">{t('qrFile')}</label>
        <input
          id="qr-file"
          type="file"
          accept="image/*"
          capture="environment"
          aria-describedby={fileFailed ? 'qr-file-error' : undefined}
          onChange={async (event) => {
            const file = event.target.files?.[0];
            if (!file) return;
            const image = await createImageBitmap(file).catch(() => null);
            const found = image ? decode(canvas.current!, image, image.width, image.height) : null;
            setFileFailed(!found);
            if (found) submit(found);
          }}
        />
        {fileFailed && (
          <p id="qr-file-error" className="field__error" role="alert">
            {t('qrFileFailed')}
          </p>
        )}
      </div>
    </div>
  );
}
