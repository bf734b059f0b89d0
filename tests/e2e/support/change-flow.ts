import { expect, type Page } from '@playwright/test';
import type { DateTime } from 'luxon';
import type { Locale } from './booking-flow';

const text = {
  de: {
    cancelPath: '/de/termin/absagen',
    reschedulePath: '/de/termin/verschieben',
    code: 'Buchungsnummer',
    pin: 'PIN',
    submit: 'Weiter',
    manage: 'Ihr Termin',
    cancel: 'Termin verbindlich absagen',
    cancelled: 'Ihr Termin wurde abgesagt',
    rescheduleInstead: 'Stattdessen andere Uhrzeit wählen',
    chooseTime: 'Neue Uhrzeit wählen',
    confirmMove: 'Termin verbindlich verschieben',
    moved: 'Ihr Termin wurde verschoben',
    invalid: 'Buchungsnummer oder PIN stimmen nicht. Bitte prüfen Sie beide Angaben in Ihrer Bestätigungs-E-Mail.',
    reserve: (hhmm: string) => new RegExp(`^${hhmm} Uhr reservieren`),
  },
  en: {
    cancelPath: '/en/appointment/cancel',
    reschedulePath: '/en/appointment/reschedule',
    code: 'Booking number',
    pin: 'PIN',
    submit: 'Continue',
    manage: 'Your appointment',
    cancel: 'Cancel this appointment',
    cancelled: 'Your appointment has been cancelled',
    rescheduleInstead: 'Choose another time instead',
    chooseTime: 'Choose a new time',
    confirmMove: 'Move this appointment',
    moved: 'Your appointment has been moved',
    invalid: 'The booking number or PIN is not correct. Please check both in your confirmation email.',
    reserve: (hhmm: string) => new RegExp(`^Reserve ${hhmm}`),
  },
} as const;

/** Cancelling and moving a booking with its number and PIN, by role and label. */
export class ChangeFlow {
  readonly t;
  constructor(
    readonly page: Page,
    readonly locale: Locale,
  ) {
    this.t = text[locale];
  }

  cancelUrl = (code?: string) => (code ? `${this.t.cancelPath}?nummer=${encodeURIComponent(code)}` : this.t.cancelPath);
  rescheduleUrl = (code?: string) => (code ? `${this.t.reschedulePath}?nummer=${encodeURIComponent(code)}` : this.t.reschedulePath);

  /** Fills number (unless already there) and PIN and sends the form; returns once the server has answered. */
  async enter({ code, pin }: { code?: string; pin: string }) {
    if (code !== undefined) await this.page.getByLabel(this.t.code, { exact: true }).fill(code);
    await this.page.getByLabel(this.t.pin, { exact: true }).fill(pin);
    await Promise.all([
      this.page.waitForResponse((response) => response.request().method() === 'POST'),
      this.page.getByRole('button', { name: this.t.submit }).click(),
    ]);
  }

  async cancel() {
    await this.page.getByRole('button', { name: this.t.cancel }).click();
    await expect(this.page.getByRole('heading', { name: this.t.cancelled })).toBeVisible();
  }

  /** On the reschedule calendar: opens `day` (as the calendar links do) and reserves `hhmm`. */
  async chooseNewTime(day: DateTime, hhmm: string) {
    await expect(this.page.getByRole('heading', { name: this.t.chooseTime })).toBeVisible();
    const url = new URL(this.page.url());
    url.searchParams.set('monat', day.toFormat('yyyy-MM'));
    url.searchParams.set('tag', day.toISODate()!);
    await this.page.goto(url.pathname + url.search);
    // The button's name carries the date: this fails if the day was not offered and the page showed another.
    await this.page.getByRole('button', { name: new RegExp(`${this.t.reserve(hhmm).source}, .*\\b${day.day}\\b`) }).click();
    await expect(this.page).toHaveURL(/\/(verschieben\/pruefen|reschedule\/review)$/);
  }

  async confirmMove() {
    await this.page.getByRole('button', { name: this.t.confirmMove }).click();
    await expect(this.page.getByRole('heading', { name: this.t.moved })).toBeVisible();
    return { code: (await this.page.getByTestId('booking-code').textContent())!.trim(), pin: (await this.page.getByTestId('booking-pin').textContent())!.trim() };
  }
}
