import { describe, expect, it } from 'vitest';
import { createCountryResolver } from './countries.js';

const country = createCountryResolver();

describe('countries as users type them', () => {
  it.each([
    ['PRK', 'PRK'],
    ['prk', 'PRK'],
    ['North Korea', 'PRK'],
    ['DPRK', 'PRK'],
    ['North Korean', 'PRK'],
    ['Russia', 'RUS'],
    ['the United States', 'USA'],
    ['Côte d’Ivoire', 'CIV'],
  ])('%s → %s', (input, code) => expect(country(input, '--country')).toBe(code));

  it('an unknown name is an error naming the option and the value, never an empty answer', () => {
    expect(() => country('Narnia', '--dyad')).toThrow(/--dyad "Narnia": not a country code or name/);
    expect(() => country('NOR', '--country')).not.toThrow();
  });
});
