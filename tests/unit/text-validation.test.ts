import { describe, expect, it } from 'vitest';
import { cleanText, emailAddress, isSlug, personName, pinField } from '@/lib/validation/text';

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : result.error!.issues[0]!.message);

describe('shared text rules', () => {
  it('refuses a lone surrogate that never went through a browser, naming it', () => {
    expect(messageOf(personName().safeParse('Max \uD800 Muster'))).toBe('nameCharacter');
    expect(messageOf(personName().safeParse('Max \uDC00'))).toBe('nameCharacter');
  });

  it('accepts what real names and c/o lines contain', () => {
    for (const name of ['Anna Maria Müller, geb. Schmidt', 'Jean-Luc (Sohn)', 'Müller / Schmidt', 'Paul & Paula', 'Hans\u2011Peter Groß', 'Erika\u00A0Muster', 'Erika Muster c/o Hans Meier', 'D’Angelo']) {
      expect(personName().parse(name)).toBe(name);
    }
  });

  it('refuses control, bidi and zero-width characters and markup, and names the character', () => {
    const refusal = (name: string) => {
      const result = personName().safeParse(name);
      return result.success ? null : { message: result.error.issues[0]!.message, character: (result.error.issues[0] as { params?: { character?: string } }).params?.character };
    };
    expect(refusal('Max\u200BMuster')).toEqual({ message: 'nameCharacter', character: 'U+200B' });
    expect(refusal('Max \u202EretsuM')).toEqual({ message: 'nameCharacter', character: 'U+202E' });
    expect(refusal('Max\u0007Muster')).toEqual({ message: 'nameCharacter', character: 'U+0007' });
    expect(refusal('Max <b>Muster</b>')).toEqual({ message: 'nameCharacter', character: '"<" (U+003C)' });
    expect(refusal('Max Muster 3')).toEqual({ message: 'nameCharacter', character: '"3" (U+0033)' });
    expect(refusal('(Max) Muster')).toEqual({ message: 'nameInvalid', character: undefined });
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
