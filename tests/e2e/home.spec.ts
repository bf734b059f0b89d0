import { expect, test } from '@playwright/test';

const text = {
  de: { title: 'Termine im Bürgeramt', office: 'Bürgeramt Musterstadt-Mitte', thursday: 'Donnerstag', book: 'Jetzt Termin buchen', other: 'English', otherPath: '/en' },
  en: { title: "Appointments at the Citizens' Office", office: "Citizens' Office Musterstadt Centre", thursday: 'Thursday', book: 'Book an appointment now', other: 'Deutsch', otherPath: '/de' },
} as const;

test.describe('start page', () => {
  test('sends / to the language of the browser', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as 'de' | 'en';
    await page.goto('/');
    await expect(page).toHaveURL(new RegExp(`/${locale}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByRole('heading', { level: 1, name: text[locale].title })).toBeVisible();
  });

  test('shows the offices with address and opening hours, and the services with what to bring', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as 'de' | 'en';
    const t = text[locale];
    await page.goto(`/${locale}`);
    const office = page.getByRole('article', { name: t.office });
    await expect(office).toContainText('Marktplatz');
    await expect(office.getByRole('definition').nth(3)).toContainText('18:00');
    await expect(office.getByRole('term').nth(3)).toHaveText(t.thursday);

    const services = page.getByRole('region', { name: locale === 'de' ? 'Anliegen und was Sie mitbringen' : 'Services and what to bring' });
    const passport = services.getByRole('group').filter({ hasText: locale === 'de' ? 'Reisepass beantragen' : 'Apply for a passport' });
    await passport.getByText(locale === 'de' ? 'Reisepass beantragen' : 'Apply for a passport').click();
    await expect(passport.getByText(locale === 'de' ? /biometrisches Passfoto/i : /biometric passport photo/i)).toBeVisible();
    await expect(page.getByRole('link', { name: t.book })).toBeVisible();
  });

  test('switches the language and stays on the same page', async ({ page }, testInfo) => {
    const locale = testInfo.project.name as 'de' | 'en';
    await page.goto(`/${locale}`);
    await page.getByRole('link', { name: text[locale].other }).click();
    await expect(page).toHaveURL(new RegExp(`${text[locale].otherPath}$`));
    await expect(page.locator('html')).toHaveAttribute('lang', text[locale].otherPath.slice(1));
  });

  test('sends security headers with every page', async ({ request }) => {
    const response = await request.get('/de');
    expect(response.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'strict-origin-when-cross-origin' });
    expect(response.headers()['x-powered-by']).toBeUndefined();
  });

  test('reports a healthy database', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });
});
