import { z } from 'zod';

/**
 * Shared rules for free text at every boundary. Each schema takes message keys, so every form keeps its own
 * translated wording; callers translate `issue.message`.
 */

// A little stray whitespace around a pasted value is fine; a padded megabyte is refused before trimming,
// normalising or any regular expression sees it.
const RAW_SLACK = 50;

// Control and format characters (NUL, CR/LF, bidi overrides, zero-width spaces and joiners), lone surrogates,
// private-use and unassigned code points, and U+FFFD (what a lone surrogate becomes on the way in).
const HIDDEN = /[\p{C}\uFFFD]/u;
// The same for text areas, where line breaks and tabs are what the user typed.
const HIDDEN_IN_LINES = /[^\P{C}\t\n\r]|\uFFFD/u;
// "Zalgo" text: after NFC no script needs more than a few combining marks on one letter.
const MARK_FLOOD = /\p{M}{5,}/u;

/** True when `text` has none of the characters `cleanText` refuses. */
export const isCleanText = (text: string, { multiLine = false } = {}) => !(multiLine ? HIDDEN_IN_LINES : HIDDEN).test(text) && !MARK_FLOOD.test(text);

type TextRules = { min?: number; max: number; tooShort?: string; tooLong: string; invalid: string; multiLine?: boolean };

/** Free text: capped before any other work, then trimmed, NFC-normalised and checked for hidden characters. */
export function cleanText({ min = 0, max, tooShort, tooLong, invalid, multiLine = false }: TextRules) {
  return z
    .string()
    .max(max + RAW_SLACK, { error: tooLong, abort: true })
    .trim()
    .normalize('NFC')
    .min(min, { error: tooShort ?? tooLong })
    .max(max, { error: tooLong })
    .refine((s) => isCleanText(s, { multiLine }), { error: invalid });
}

// What real names and "c/o" lines contain: letters of any script with their marks, spaces (also non-breaking),
// apostrophes, dots, commas, hyphens (also the non-breaking and typographic ones), brackets, slash and
// ampersand ("Anna Maria Müller, geb. Schmidt", "Jean-Luc (Sohn)", "Müller / Schmidt", "Paul & Paula").
// No digits, no markup characters, nothing invisible.
const NAME_CHARACTER = /[\p{L}\p{M} \u00A0\u202F.,'’ʼ\u002D\u2010\u2011\u2013()/&]/u;
const STARTS_WITH_LETTER = /^\p{L}/u;

/** A refused character as the error names it: itself in quotes when it can be seen, and its code point. */
export function describeCharacter(character: string): string {
  const codePoint = `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return /[\p{C}\p{Z}\uFFFD]/u.test(character) ? codePoint : `"${character}" (${codePoint})`;
}

/**
 * A citizen's name as the booking and request forms take it (keys of the `Errors` namespace). A refused
 * character is named in the error (`nameCharacter` with `{ character }`), so the citizen knows what to change.
 */
export const personName = () =>
  z
    .string()
    .max(100 + RAW_SLACK, { error: 'nameTooLong', abort: true })
    .trim()
    .normalize('NFC')
    .min(2, { error: 'nameRequired' })
    .max(100, { error: 'nameTooLong' })
    .check((ctx) => {
      // Control, format (bidi, zero-width) and surrogate code points are no NAME_CHARACTER either.
      const refused = [...ctx.value].find((c) => !NAME_CHARACTER.test(c));
      if (refused) ctx.issues.push({ code: 'custom', message: 'nameCharacter', params: { character: describeCharacter(refused) }, input: ctx.value });
      else if (!STARTS_WITH_LETTER.test(ctx.value) || MARK_FLOOD.test(ctx.value)) ctx.issues.push({ code: 'custom', message: 'nameInvalid', input: ctx.value });
    });

/** An ASCII email address (what every mail server takes); CR/LF and anything after it are refused. */
export const emailAddress = ({ invalid = 'emailInvalid', optional = false }: { invalid?: string; optional?: boolean } = {}) =>
  z
    .string()
    .max(254 + RAW_SLACK, { error: invalid, abort: true })
    .trim()
    .max(254, { error: invalid })
    .pipe(optional ? z.union([z.literal(''), z.email({ error: invalid })]) : z.email({ error: invalid }));

/** An optional phone number: ASCII digits, spaces and + ( ) / -. */
export const phoneNumber = (invalid = 'phoneInvalid') =>
  z
    .string()
    .max(30 + RAW_SLACK, { error: invalid, abort: true })
    .trim()
    .regex(/^$|^\+?[0-9 ()/-]{5,30}$/, { error: invalid });

/** A six-digit PIN in ASCII digits, checked before any hashing. */
export const pinField = ({ required = 'pinRequired', invalid = 'pinInvalid' } = {}) =>
  z
    .string()
    .max(6 + RAW_SLACK, { error: invalid, abort: true })
    .trim()
    .min(1, { error: required })
    .regex(/^[0-9]{6}$/, { error: invalid });

/**
 * A booking or request number as typed: ASCII letters and digits with spaces or dashes between them, then
 * normalised. Fullwidth or look-alike letters are refused rather than silently folded into another number.
 */
export const referenceCode = ({ normalize, pattern, required = 'codeRequired', invalid = 'codeInvalid' }: { normalize: (s: string) => string; pattern: RegExp; required?: string; invalid?: string }) =>
  z
    .string()
    .max(30 + RAW_SLACK, { error: invalid, abort: true })
    .trim()
    .min(1, { error: required })
    .max(30, { error: invalid })
    .regex(/^[A-Za-z0-9 \u2010-\u2013-]*$/, { error: invalid })
    .transform(normalize)
    .pipe(z.string().regex(pattern, { error: invalid }));

/** A location slug as the seed and the admin pages make them; anything else names no location. */
export const isSlug = (value: string) => /^[a-z0-9-]{1,100}$/.test(value);
