import { describe, expect, it } from 'vitest';
import { pick } from '@/lib/format';

describe('pick', () => {
  it('takes the reader’s language and falls back to the other one when a text exists in one only', () => {
    expect(pick({ de: 'Vollmacht', en: 'Power of attorney' }, 'en')).toBe('Power of attorney');
    expect(pick({ de: 'Vollmacht', en: 'Power of attorney' }, 'de')).toBe('Vollmacht');
    expect(pick({ de: 'Nur Deutsch', en: '' }, 'en')).toBe('Nur Deutsch');
    expect(pick({ de: '', en: 'English only' }, 'de')).toBe('English only');
  });
});
