import { describe, expect, it } from 'vitest';
import { cleanText, emailAddress, isSlug, personName, pinField } from '@/lib/validation/text';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0]!.message);

describe('shared text rules', () => {
  it('refuses a lone surrogate that never went through a browser', () => {
    expect(messageOf(personName().safeParse('Max \uD800 Muster'))).toBe('nameInvalid');
    expect(messageOf(personName().safeParse('Max \uDC00'))).toBe('nameInvalid');
  });

  it('stores names trimmed and composed (NFC), and accepts names of many scripts', () => {
    expect(personName().parse('  Zoe\u0308 Ñu\u0301n\u0303ez-Öztürk ')).toBe('Zoë Ñúñez-Öztürk');
    for (const name of ['李小龍', "O'Brien", 'Nguyễn Thị Minh Khai', 'Ólafur Ragnar Grímsson', 'Анна Петрова', 'محمد']) expect(personName().parse(name)).toBe(name);
  });

  it('allows a few combining marks on a letter but not a flood', () => {
    // U+0334 composes with nothing, so NFC leaves every one of them in place.
    expect(personName().safeParse(`Max${'\u0334'.repeat(4)}`).success).toBe(true);
    expect(messageOf(personName().safeParse(`Max${'\u0334'.repeat(5)}`))).toBe('nameInvalid');
  });

  it('measures a padded value before trimming it', () => {
    expect(messageOf(emailAddress().safeParse(`a@b.de${' '.repeat(400)}`))).toBe('emailInvalid');
    expect(emailAddress().parse(' a@b.de\n')).toBe('a@b.de');
    expect(messageOf(pinField().safeParse(`123456${' '.repeat(100)}`))).toBe('pinInvalid');
  });

  it('keeps line breaks and tabs only in multi-line text', () => {
    const rules = { max: 100, tooLong: 'long', invalid: 'bad' };
    expect(cleanText({ ...rules, multiLine: true }).parse('eins\r\n\tzwei')).toBe('eins\r\n\tzwei');
    expect(messageOf(cleanText(rules).safeParse('eins\r\nzwei'))).toBe('bad');
    expect(messageOf(cleanText({ ...rules, multiLine: true }).safeParse('eins\u0000zwei'))).toBe('bad');
    expect(messageOf(cleanText({ ...rules, multiLine: true }).safeParse('eins\u2067zwei'))).toBe('bad');
  });

  it('knows a slug from anything else', () => {
    expect(isSlug('buergeramt-mitte')).toBe(true);
    for (const slug of ['', 'Bürgeramt', 'a\u0000b', 'a b', 'x'.repeat(101)]) expect(isSlug(slug)).toBe(false);
  });
});
