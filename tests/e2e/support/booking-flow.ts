import { expect, type Page } from '@playwright/test';
import type { DateTime } from 'luxon';

export type Locale = 'de' | 'en';

const text = {
  de: {
    count: (service: string) => `Anzahl für ${service}`,
    toTime: 'Weiter zur Terminauswahl',
    reserve: (hhmm: string) => new RegExp(`^${hhmm} Uhr reservieren`),
    name: 'Vor- und Nachname',
    email: 'E-Mail-Adresse',
    phone: 'Telefonnummer (freiwillig)',
    consent: /Datenschutzhinweise gelesen/,
    toReview: 'Weiter zur Prüfung',
    confirm: 'Termin verbindlich buchen',
    booked: 'Ihr Termin ist gebucht',
    errorTitle: 'Bitte prüfen Sie Ihre Angaben',
    services: { passport: 'Reisepass beantragen', registration: 'Anmeldung / Ummeldung des Wohnsitzes', certificate: 'Meldebescheinigung' },
  },
  en: {
    count: (service: string) => `Number for ${service}`,
    toTime: 'Continue to choose a time',
    reserve: (hhmm: string) => new RegExp(`^Reserve ${hhmm}`),
    name: 'First and last name',
    email: 'Email address',
    phone: 'Phone number (optional)',
    consent: /read the privacy notice/,
    toReview: 'Continue to review',
    confirm: 'Book this appointment',
    booked: 'Your appointment is booked',
    errorTitle: 'Please check your details',
    services: { passport: 'Apply for a passport', registration: 'Register or change your address', certificate: 'Certificate of registration' },
  },
} as const;

/** The citizen's booking flow, step by step, by role and label as a user sees it. */
export class BookingFlow {
  readonly t;
  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    this.t = text[locale];
  }

  async chooseServices(counts: Partial<Record<keyof (typeof text)['de']['services'], number>>) {
    await this.page.goto(this.locale === 'de' ? '/de/termin' : '/en/appointment');
    for (const [key, count] of Object.entries(counts)) {
      await this.page.getByLabel(this.t.count(this.t.services[key as 'passport'])).selectOption(String(count));
    }
    await this.page.getByRole('button', { name: this.t.toTime }).click();
    await expect(this.page).toHaveURL(/\/(zeit|time)\?/);
  }

  /** Opens the chosen day in the calendar via the URL (the calendar links carry the same query). */
  async openDay(day: DateTime) {
    const url = new URL(this.page.url());
    url.searchParams.set('monat', day.toFormat('yyyy-MM'));
    url.searchParams.set('tag', day.toISODate()!);
    await this.page.goto(url.pathname + url.search);
  }

  async reserve(hhmm: string) {
    await this.page.getByRole('button', { name: this.t.reserve(hhmm) }).click();
    await expect(this.page).toHaveURL(/\/(daten|details)$/);
  }

  async fillContact({ name, email, phone = '', consent = true }: { name: string; email: string; phone?: string; consent?: boolean }) {
    await this.page.getByLabel(this.t.name).fill(name);
    await this.page.getByLabel(this.t.email).fill(email);
    await this.page.getByLabel(this.t.phone).fill(phone);
    if (consent) await this.page.getByRole('checkbox', { name: this.t.consent }).check();
    await this.page.getByRole('button', { name: this.t.toReview }).click();
  }

  async confirm() {
    await this.page.getByRole('button', { name: this.t.confirm }).click();
    await expect(this.page.getByRole('heading', { name: this.t.booked })).toBeVisible();
    return { code: (await this.page.getByTestId('booking-code').textContent())!.trim(), pin: (await this.page.getByTestId('booking-pin').textContent())!.trim() };
  }
}
