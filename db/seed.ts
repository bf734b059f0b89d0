import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import {
  closures,
  counters,
  documents,
  locationServices,
  locations,
  openingHours,
  serviceDocuments,
  services,
  type Localized,
} from '@/db/schema';
import { publicHolidaysBadenWuerttemberg } from '@/lib/holidays/baden-wuerttemberg';

// Demo data for the fictional town of Musterstadt (Baden-Württemberg). Staff accounts are seeded elsewhere.

const FORMS = 'https://www.musterstadt.example/formulare';

type DocumentSeed = { name: Localized; hint?: Localized; formUrl?: string };

/** Keyed by slug; services share them so a combined list shows each document once. */
const DOCUMENTS = {
  'identity-document': {
    name: { de: 'Gültiger Personalausweis oder Reisepass', en: 'Valid identity card or passport' },
    hint: {
      de: 'Kommen Sie für mehrere Personen, bringen Sie bitte die Ausweise aller Personen mit.',
      en: "If you come for several people, please bring everyone's ID.",
    },
  },
  'current-id-card': {
    name: { de: 'Bisheriger Personalausweis', en: 'Your current identity card' },
    hint: {
      de: 'Ist er verloren gegangen, nehmen wir die Verlustanzeige bei Ihrem Termin auf; wurde er gestohlen, bringen Sie bitte die Anzeige der Polizei mit.',
      en: 'If it has been lost, we record the loss at your appointment; if it was stolen, please bring the police report.',
    },
  },
  'current-passport': {
    name: { de: 'Bisheriger Reisepass', en: 'Your current passport' },
    hint: { de: 'Falls vorhanden, auch wenn er abgelaufen ist.', en: 'If you have one, even if it has expired.' },
  },
  'biometric-photo': {
    name: { de: 'Biometrisches Passfoto', en: 'Biometric passport photo' },
    hint: {
      de: 'Format 35 × 45 mm, nicht älter als sechs Monate. Seit Mai 2025 wird das Foto digital übermittelt: Lassen Sie es im Fotostudio aufnehmen und bringen Sie den Abrufcode mit, oder wir machen das Foto bei Ihrem Termin (gebührenpflichtig).',
      en: 'Format 35 × 45 mm, no older than six months. Since May 2025 photos are sent to us digitally: have it taken at a photo studio and bring the retrieval code, or we take the photo at your appointment (for a fee).',
    },
  },
  'civil-status-certificate': {
    name: { de: 'Geburts- oder Heiratsurkunde', en: 'Birth or marriage certificate' },
    hint: {
      de: 'Nur beim ersten Ausweisdokument oder wenn sich Ihr Name geändert hat.',
      en: 'Only for your first ID document or if your name has changed.',
    },
  },
  'parental-consent': {
    name: { de: 'Einverständniserklärung der Sorgeberechtigten', en: 'Parental consent form' },
    hint: {
      de: 'Nur für Kinder und Jugendliche: Kommt nur ein Elternteil mit, bringen Sie bitte die unterschriebene Erklärung des anderen Elternteils und eine Kopie seines Ausweises mit.',
      en: "Only for children and young people: if only one parent comes, please bring the other parent's signed consent and a copy of their ID.",
    },
    formUrl: `${FORMS}/einverstaendniserklaerung-minderjaehrige.pdf`,
  },
  'registration-form': {
    name: { de: 'Anmeldeformular', en: 'Registration form' },
    hint: {
      de: 'Bitte vorab ausfüllen und unterschreiben, mit allen Personen, die gemeinsam mit Ihnen einziehen.',
      en: 'Please fill it in and sign it beforehand, listing everyone who moves in with you.',
    },
    formUrl: `${FORMS}/anmeldung.pdf`,
  },
  'landlord-confirmation': {
    name: { de: 'Wohnungsgeberbestätigung', en: "Landlord's confirmation (Wohnungsgeberbestätigung)" },
    hint: {
      de: 'Von Ihrer Vermieterin oder Ihrem Vermieter ausgefüllt und unterschrieben; wohnen Sie in Ihrer eigenen Wohnung, füllen Sie sie selbst aus.',
      en: 'Filled in and signed by your landlord; if you live in a home you own, fill it in yourself.',
    },
    formUrl: `${FORMS}/wohnungsgeberbestaetigung.pdf`,
  },
  'power-of-attorney': {
    name: { de: 'Vollmacht', en: 'Power of attorney' },
    hint: {
      de: 'Nur wenn Sie für eine andere Person kommen; bringen Sie dann bitte auch deren Ausweis oder eine Kopie davon mit.',
      en: 'Only if you come on behalf of someone else; please also bring their ID or a copy of it.',
    },
    formUrl: `${FORMS}/vollmacht.pdf`,
  },
  'originals': {
    name: { de: 'Originaldokumente und die Kopien dazu', en: 'The originals and your copies of them' },
    hint: {
      de: 'Wir beglaubigen nur Kopien, deren Original Sie vorlegen. Personenstandsurkunden (etwa Geburtsurkunden) und Unterlagen für das Ausland können wir nicht beglaubigen.',
      en: 'We can only certify copies of originals you show us. We cannot certify civil status certificates (such as birth certificates) or documents for use abroad.',
    },
  },
  'fishing-licence-application': {
    name: { de: 'Antrag auf Erteilung eines Fischereischeins', en: 'Fishing licence application form' },
    hint: { de: 'Bitte vorab ausfüllen und unterschreiben.', en: 'Please fill it in and sign it beforehand.' },
    formUrl: `${FORMS}/antrag-fischereischein.pdf`,
  },
  'fishing-exam-certificate': {
    name: { de: 'Fischerprüfungszeugnis', en: 'Fishing exam certificate' },
    hint: { de: 'Im Original.', en: 'The original, not a copy.' },
  },
  'previous-fishing-licence': {
    name: { de: 'Bisheriger Fischereischein', en: 'Your previous fishing licence' },
    hint: { de: 'Nur wenn Sie ihn verlängern oder ersetzen lassen.', en: 'Only if you are renewing or replacing it.' },
  },
  'extended-certificate-request': {
    name: {
      de: 'Bestätigung für ein erweitertes Führungszeugnis',
      en: 'Request letter for an extended certificate of good conduct',
    },
    hint: {
      de: 'Nur für ein erweitertes Führungszeugnis, etwa für die Arbeit mit Kindern; Ihr Arbeitgeber oder Verein füllt den Vordruck aus.',
      en: 'Only for an extended certificate, for example to work with children; your employer or club fills in the form.',
    },
    formUrl: `${FORMS}/bestaetigung-erweitertes-fuehrungszeugnis.pdf`,
  },
  'fee-payment': {
    name: { de: 'Girocard (EC-Karte) für die Gebühr', en: 'Debit card (girocard) for the fee' },
    hint: { de: 'Barzahlung ist ebenfalls möglich.', en: 'You can also pay in cash.' },
  },
} satisfies Record<string, DocumentSeed>;

type DocumentSlug = keyof typeof DOCUMENTS;

type ServiceSeed = {
  name: Localized;
  description: Localized;
  fee?: Localized;
  /** Offered with these values at every location that lists the service. */
  minutesPerUnit: number;
  maxCount: number;
  documents: DocumentSlug[];
};

/** Keyed by slug, in display order. */
const SERVICES = {
  'personalausweis': {
    name: { de: 'Personalausweis beantragen', en: 'Apply for an identity card' },
    description: {
      de: 'Für einen neuen Personalausweis, etwa wenn Ihr bisheriger abläuft oder verloren gegangen ist. Bitte kommen Sie persönlich; der neue Ausweis ist nach etwa drei bis vier Wochen abholbereit.',
      en: 'For a new German identity card, for example when your current one expires or has been lost. Please come in person; the new card is usually ready for collection after three to four weeks.',
    },
    fee: { de: '37,00 € (unter 24 Jahren 22,80 €)', en: '€37.00 (under 24: €22.80)' },
    minutesPerUnit: 15,
    maxCount: 4,
    documents: ['current-id-card', 'biometric-photo', 'civil-status-certificate', 'parental-consent', 'fee-payment'],
  },
  'reisepass': {
    name: { de: 'Reisepass beantragen', en: 'Apply for a passport' },
    description: {
      de: 'Für einen neuen Reisepass, den Sie für Reisen in viele Länder außerhalb der EU brauchen. Bitte kommen Sie persönlich; der Pass ist nach etwa vier bis sechs Wochen abholbereit, im Expressverfahren gegen Aufpreis nach wenigen Werktagen.',
      en: 'For a new passport, which you need to travel to many countries outside the EU. Please come in person; the passport is ready after about four to six weeks, or within a few working days with the express service (extra fee).',
    },
    fee: { de: '70,00 € (unter 24 Jahren 37,50 €)', en: '€70.00 (under 24: €37.50)' },
    minutesPerUnit: 15,
    maxCount: 4,
    documents: ['identity-document', 'current-passport', 'biometric-photo', 'civil-status-certificate', 'parental-consent', 'fee-payment'],
  },
  'anmeldung': {
    name: { de: 'Anmeldung / Ummeldung des Wohnsitzes', en: 'Register or change your address' },
    description: {
      de: 'Wenn Sie nach Musterstadt ziehen oder innerhalb der Stadt umziehen, melden Sie sich bitte innerhalb von zwei Wochen nach dem Einzug an. Ziehen mehrere Personen gemeinsam um, wählen Sie als Anzahl die Zahl der Personen.',
      en: 'If you move to Musterstadt or within the town, please register your new address within two weeks of moving in. If several people move together, choose the number of people as the count.',
    },
    minutesPerUnit: 10,
    maxCount: 5,
    documents: ['identity-document', 'registration-form', 'landlord-confirmation', 'power-of-attorney'],
  },
  'meldebescheinigung': {
    name: { de: 'Meldebescheinigung', en: 'Certificate of registration' },
    description: {
      de: 'Bestätigt, wo und seit wann Sie gemeldet sind, zum Beispiel für den Arbeitgeber, die Bank oder andere Behörden. Sie erhalten sie direkt bei Ihrem Termin.',
      en: 'Confirms where and since when you have been registered, for example for your employer, your bank or other authorities. You receive it straight away at your appointment.',
    },
    minutesPerUnit: 5,
    maxCount: 3,
    documents: ['identity-document', 'power-of-attorney', 'fee-payment'],
  },
  'beglaubigung': {
    name: { de: 'Beglaubigung von Kopien', en: 'Certified copies' },
    description: {
      de: 'Wir bestätigen, dass eine Kopie mit dem Original übereinstimmt, zum Beispiel bei Zeugnissen für eine Bewerbung. Als Anzahl wählen Sie bitte die Zahl der Dokumente.',
      en: 'We confirm that a copy matches its original, for example school or job references for an application. Please choose the number of documents as the count.',
    },
    minutesPerUnit: 5,
    maxCount: 5,
    documents: ['originals', 'fee-payment'],
  },
  'fischereischein': {
    name: { de: 'Fischereischein', en: 'Fishing licence' },
    description: {
      de: 'Zum Angeln brauchen Sie in Baden-Württemberg einen Fischereischein. Wir stellen ihn aus, wenn Sie die Fischerprüfung bestanden haben, und verlängern bestehende Fischereischeine.',
      en: 'You need a fishing licence to fish in Baden-Württemberg. We issue it once you have passed the fishing exam, and we renew existing licences.',
    },
    minutesPerUnit: 15,
    maxCount: 1,
    documents: ['identity-document', 'fishing-licence-application', 'fishing-exam-certificate', 'previous-fishing-licence', 'fee-payment'],
  },
  'fuehrungszeugnis': {
    name: { de: 'Führungszeugnis beantragen', en: 'Apply for a certificate of good conduct' },
    description: {
      de: 'Das Führungszeugnis zeigt, ob Einträge im Bundeszentralregister über Sie vorliegen; Arbeitgeber und Vereine verlangen es häufig. Es wird vom Bundesamt für Justiz ausgestellt und Ihnen nach etwa zwei Wochen per Post zugeschickt.',
      en: 'The certificate of good conduct shows whether you have entries in the Federal Central Criminal Register; employers and clubs often ask for one. It is issued by the Federal Office of Justice and sent to you by post after about two weeks.',
    },
    minutesPerUnit: 10,
    maxCount: 2,
    documents: ['identity-document', 'extended-certificate-request', 'fee-payment'],
  },
  'vorlaeufiger-personalausweis': {
    name: { de: 'Vorläufiger Personalausweis', en: 'Temporary identity card' },
    description: {
      de: 'Wenn Sie kurzfristig einen Ausweis brauchen, zum Beispiel vor einer Reise, stellen wir ihn direkt bei Ihrem Termin aus. Er gilt höchstens drei Monate; einen neuen regulären Personalausweis beantragen Sie bitte gleich mit.',
      en: 'If you need an ID at short notice, for example before a trip, we issue it right at your appointment. It is valid for up to three months; please apply for a new regular identity card at the same time.',
    },
    minutesPerUnit: 10,
    maxCount: 4,
    documents: ['current-id-card', 'biometric-photo', 'parental-consent', 'fee-payment'],
  },
} satisfies Record<string, ServiceSeed>;

type ServiceSlug = keyof typeof SERVICES;

const [MON, TUE, WED, THU, FRI] = [1, 2, 3, 4, 5] as const;

/** The same window on several weekdays; times are 'HH:MM:SS' wall-clock in Europe/Berlin. */
type WeeklyWindow = { weekdays: number[]; opensAt: string; closesAt: string; countersOpen: number };

type LocationSeed = {
  location: Omit<typeof locations.$inferInsert, 'id' | 'position'>;
  counters: string[];
  openingHours: WeeklyWindow[];
  services: ServiceSlug[];
};

/** In display order. */
const LOCATIONS: LocationSeed[] = [
  {
    location: {
      slug: 'buergeramt-mitte',
      mode: 'booking',
      name: { de: 'Bürgeramt Musterstadt-Mitte', en: "Citizens' Office Musterstadt Centre" },
      street: 'Marktplatz 1',
      postalCode: '72345',
      city: 'Musterstadt',
      phone: '07123 456-100',
      email: 'buergeramt@musterstadt.example',
      bookingHorizonDays: 42,
      minLeadMinutes: 60,
      slotStepMinutes: 10,
      holdMinutes: 10,
      maxFutureBookingsPerEmail: 2,
    },
    counters: ['Schalter 1', 'Schalter 2', 'Schalter 3'],
    openingHours: [
      { weekdays: [MON, TUE, WED, FRI], opensAt: '08:00:00', closesAt: '12:30:00', countersOpen: 3 },
      { weekdays: [MON, TUE], opensAt: '13:30:00', closesAt: '15:30:00', countersOpen: 2 },
      // Long Thursday for people who work during the day.
      { weekdays: [THU], opensAt: '08:00:00', closesAt: '12:30:00', countersOpen: 3 },
      { weekdays: [THU], opensAt: '13:30:00', closesAt: '18:00:00', countersOpen: 3 },
    ],
    services: Object.keys(SERVICES) as ServiceSlug[],
  },
  {
    location: {
      slug: 'ortschaft-hochdorf',
      mode: 'request',
      name: { de: 'Ortschaftsverwaltung Hochdorf', en: 'Local Office Hochdorf' },
      street: 'Hauptstraße 12',
      postalCode: '72346',
      city: 'Musterstadt-Hochdorf',
      phone: '07123 456-310',
      email: 'hochdorf@musterstadt.example',
    },
    counters: ['Schalter'],
    openingHours: [
      { weekdays: [TUE], opensAt: '08:30:00', closesAt: '11:30:00', countersOpen: 1 },
      { weekdays: [THU], opensAt: '14:00:00', closesAt: '17:00:00', countersOpen: 1 },
    ],
    services: ['personalausweis', 'anmeldung', 'meldebescheinigung', 'beglaubigung', 'fuehrungszeugnis'],
  },
  {
    location: {
      slug: 'ortschaft-talheim',
      mode: 'request',
      name: { de: 'Ortschaftsverwaltung Talheim', en: 'Local Office Talheim' },
      street: 'Schulstraße 3',
      postalCode: '72347',
      city: 'Musterstadt-Talheim',
      phone: '07123 456-320',
      email: 'talheim@musterstadt.example',
    },
    counters: ['Schalter'],
    openingHours: [
      { weekdays: [MON], opensAt: '08:30:00', closesAt: '11:30:00', countersOpen: 1 },
      { weekdays: [WED], opensAt: '15:00:00', closesAt: '18:00:00', countersOpen: 1 },
    ],
    services: ['personalausweis', 'anmeldung', 'meldebescheinigung', 'beglaubigung', 'fuehrungszeugnis'],
  },
];

/** Days the main office closes although they are no public holiday. */
const OFFICE_CLOSURES: { monthDay: string; reason: Localized }[] = [
  { monthDay: '12-24', reason: { de: 'Heiligabend – geschlossen', en: 'Christmas Eve – closed' } },
  { monthDay: '12-31', reason: { de: 'Silvester – geschlossen', en: "New Year's Eve – closed" } },
];

// Arbitrary constant for pg_advisory_xact_lock: two app instances starting at once seed only once.
const SEED_LOCK_KEY = 7_234_501;

/** Inserts the Musterstadt demo data in one transaction, unless any location exists already. */
export async function seedDemoData(db: Database, options: { now?: Date } = {}): Promise<{ seeded: boolean }> {
  const thisYear = yearInBerlin(options.now ?? new Date());
  const years = [thisYear, thisYear + 1];

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const existing = await tx.select({ id: locations.id }).from(locations).limit(1);
    if (existing.length > 0) return { seeded: false };

    const documentIds = bySlug(await tx.insert(documents)
      .values(Object.entries(DOCUMENTS).map(([slug, document]) => ({ slug, ...document })))
      .returning({ id: documents.id, slug: documents.slug }));

    const serviceIds = bySlug(await tx.insert(services)
      .values(Object.entries(SERVICES).map(([slug, service], position) => ({ slug, name: service.name, description: service.description, fee: (service as ServiceSeed).fee ?? null, position })))
      .returning({ id: services.id, slug: services.slug }));

    await tx.insert(serviceDocuments).values(Object.entries(SERVICES).flatMap(([slug, service]) =>
      service.documents.map((document, position) => ({
        serviceId: idOf(serviceIds, slug),
        documentId: idOf(documentIds, document),
        position,
      }))));

    const locationIds = bySlug(await tx.insert(locations)
      .values(LOCATIONS.map(({ location }, position) => ({ ...location, position })))
      .returning({ id: locations.id, slug: locations.slug }));

    await tx.insert(counters).values(LOCATIONS.flatMap((seed) =>
      seed.counters.map((name, position) => ({ locationId: idOf(locationIds, seed.location.slug), name, position }))));

    await tx.insert(openingHours).values(LOCATIONS.flatMap((seed) =>
      seed.openingHours.flatMap(({ weekdays, ...window }) =>
        weekdays.map((weekday) => ({ locationId: idOf(locationIds, seed.location.slug), weekday, ...window })))));

    await tx.insert(locationServices).values(LOCATIONS.flatMap((seed) =>
      seed.services.map((slug) => ({
        locationId: idOf(locationIds, seed.location.slug),
        serviceId: idOf(serviceIds, slug),
        minutesPerUnit: SERVICES[slug].minutesPerUnit,
        maxCount: SERVICES[slug].maxCount,
      }))));

    const mainOfficeId = idOf(locationIds, 'buergeramt-mitte');
    await tx.insert(closures).values(years.flatMap((year) => [
      ...publicHolidaysBadenWuerttemberg(year).map(({ date, name }) =>
        ({ locationId: null, startsOn: date, endsOn: date, reason: name })),
      ...OFFICE_CLOSURES.map(({ monthDay, reason }) =>
        ({ locationId: mainOfficeId, startsOn: `${year}-${monthDay}`, endsOn: `${year}-${monthDay}`, reason })),
    ]));

    return { seeded: true };
  });
}

function yearInBerlin(date: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', year: 'numeric' }).format(date));
}

function bySlug(rows: { id: number; slug: string }[]): Map<string, number> {
  return new Map(rows.map((row) => [row.slug, row.id]));
}

function idOf(ids: Map<string, number>, slug: string): number {
  const id = ids.get(slug);
  if (id === undefined) throw new Error(`Seed data refers to unknown slug "${slug}"`);
  return id;
}
