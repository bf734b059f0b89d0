import { describe, expect, it } from 'vitest';
import de from '@/messages/de.json';
import en from '@/messages/en.json';

const keys = (value: unknown, prefix = ''): string[] =>
  value && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => keys(v, `${prefix}${k}.`))
    : [prefix.slice(0, -1)];

describe('message catalogues', () => {
  it('have the same keys in German and English', () => {
    expect(keys(en).sort()).toEqual(keys(de).sort());
  });

  it('have no empty texts', () => {
    const empty = (messages: object) => keys(messages).filter((k) => k.split('.').reduce<any>((o, p) => o[p], messages) === ''); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(empty(de)).toEqual([]);
    expect(empty(en)).toEqual([]);
  });
});
