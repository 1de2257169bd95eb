// Number words and digit strings: the vocabulary the figure scanner reads quantities with.
// Pure data and small pure functions; no scanning of user text happens here.

/**
 * A lookup table keyed by words of user text, with no prototype: "constructor" or
 * "toString" written in an article must not find Object's own properties.
 */
export function wordTable<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

export const SMALL_NUMBER_WORDS: Readonly<Record<string, number>> = wordTable({
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});

export const TENS_WORDS: Readonly<Record<string, number>> = wordTable({
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

/** Multipliers written as words after a number: "24 billion", "500 crore". */
export const SCALE_WORDS: Readonly<Record<string, number>> = wordTable({
  hundred: 1e2, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  lakh: 1e5, lakhs: 1e5, crore: 1e7, crores: 1e7,
});

/** Multipliers glued to digits ("1.5m", "€3bn", "5k") or written apart when unambiguous ("3 bn"). */
export const SCALE_SUFFIXES: Readonly<Record<string, number>> = wordTable({
  k: 1e3, m: 1e6, mn: 1e6, mln: 1e6, b: 1e9, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
});

/** Spaced scale abbreviations; a lone spaced "m" reads as metres, so it is not here. */
export const SPACED_SCALE_ABBREVIATIONS: Readonly<Record<string, number>> = wordTable({
  mn: 1e6, mln: 1e6, bn: 1e9, bln: 1e9, tn: 1e12, trn: 1e12,
});

/** Plural magnitudes with no exact value: "hundreds", "tens of thousands". */
export const VAGUE_MAGNITUDES: ReadonlySet<string> = new Set([
  'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'trillions',
]);

/** Fractions by their (singular) denominator word. */
export const FRACTION_WORDS: Readonly<Record<string, number>> = wordTable({
  half: 2, halves: 2, third: 3, thirds: 3, quarter: 4, quarters: 4, fourth: 4, fourths: 4,
  fifth: 5, fifths: 5, sixth: 6, sixths: 6, seventh: 7, sevenths: 7, eighth: 8, eighths: 8,
  ninth: 9, ninths: 9, tenth: 10, tenths: 10,
});

/** Single words meaning a multiple: "twice", "threefold". */
export const MULTIPLIER_WORDS: Readonly<Record<string, number>> = wordTable({
  twice: 2, thrice: 3, twofold: 2, threefold: 3, fourfold: 4, fivefold: 5, sixfold: 6,
  sevenfold: 7, eightfold: 8, ninefold: 9, tenfold: 10, hundredfold: 100, thousandfold: 1000,
});

/**
 * The value of a digit string with separators, or undefined when it is not one number
 * (a version "1.2.3", a list "1,2,3", or absurdly long).
 * "70,000" → 70000; "1.5" → 1.5; "3,5" → 3.5 (decimal comma); "1.234.567" → 1234567.
 */
export function parseDigitGroups(raw: string): number | undefined {
  if (raw.length > 24) return undefined;
  // Fast paths for no separator and for one (most numbers), without splitting into groups.
  const comma = raw.indexOf(',');
  const dot = raw.indexOf('.');
  if (comma < 0 && dot < 0) return Number(raw);
  if (comma < 0 || dot < 0) {
    const at = comma < 0 ? dot : comma;
    const mark = raw[at];
    if (raw.indexOf(mark, at + 1) < 0) {
      const whole = raw.slice(0, at);
      const part = raw.slice(at + 1);
      if (mark === '.') return Number(`${whole}.${part}`);
      if (part.length === 3 && whole.length <= 3) return Number(whole + part);
      return Number(`${whole}.${part}`);
    }
  }
  const groups: string[] = [];
  const separators: string[] = [];
  let current = '';
  for (const ch of raw) {
    if (ch === ',' || ch === '.') {
      groups.push(current);
      separators.push(ch);
      current = '';
    } else {
      current += ch;
    }
  }
  groups.push(current);
  if (separators.length === 0) return Number(raw);
  if (separators.length === 1) {
    const [whole, part] = groups;
    if (separators[0] === '.') return Number(`${whole}.${part}`);
    // "70,000" groups thousands; "3,5" is a decimal comma.
    if (part.length === 3 && whole.length <= 3) return Number(whole + part);
    return Number(`${whole}.${part}`);
  }
  // Several separators: thousands groups of three, optionally one final decimal part of the other mark.
  const thousandsMark = separators[0];
  const decimalMark = thousandsMark === ',' ? '.' : ',';
  if (groups[0].length === 0 || groups[0].length > 3) return undefined;
  let digits = groups[0];
  for (let index = 1; index < groups.length; index++) {
    const mark = separators[index - 1];
    const group = groups[index];
    const isLast = index === groups.length - 1;
    if (mark === thousandsMark && group.length === 3) {
      digits += group;
    } else if (mark === decimalMark && isLast && index > 1) {
      digits += `.${group}`;
    } else {
      return undefined;
    }
  }
  return Number(digits);
}

/** ISO 4217 codes for currency symbols written before the amount. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = wordTable({
  $: 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', '₩': 'KRW', '₽': 'RUB', '₺': 'TRY',
  '₦': 'NGN', '₱': 'PHP', '₪': 'ILS', '₴': 'UAH',
});

/** Letters glued before "$": "US$", "A$", "HK$". */
export const DOLLAR_PREFIXES: Readonly<Record<string, string>> = wordTable({
  US: 'USD', A: 'AUD', AU: 'AUD', C: 'CAD', CA: 'CAD', HK: 'HKD', NZ: 'NZD', S: 'SGD', R: 'BRL',
  NT: 'TWD', Mex: 'MXN', MX: 'MXN',
});

/** ISO codes accepted before or after an amount ("USD 5 million", "5 million euros"). */
export const ISO_CURRENCY_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'INR', 'CHF', 'CAD', 'AUD', 'MXN', 'BRL', 'RUB',
  'KRW', 'HKD', 'SGD', 'NZD', 'ZAR', 'TRY', 'SEK', 'NOK', 'DKK', 'PLN', 'ARS', 'COP', 'CLP',
  'NGN', 'KES', 'EGP', 'SAR', 'AED', 'ILS', 'UAH', 'IDR', 'PHP', 'THB', 'MYR', 'PKR', 'TWD',
]);

/** Currency names written after the amount, by lower-cased word. */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = wordTable({
  dollar: 'USD', dollars: 'USD', euro: 'EUR', euros: 'EUR', pound: 'GBP', pounds: 'GBP',
  sterling: 'GBP', peso: 'MXN', pesos: 'MXN', yen: 'JPY', yuan: 'CNY', renminbi: 'CNY',
  rupee: 'INR', rupees: 'INR', rouble: 'RUB', roubles: 'RUB', ruble: 'RUB', rubles: 'RUB',
  franc: 'CHF', francs: 'CHF', reais: 'BRL', real: 'BRL', rand: 'ZAR', lira: 'TRY', liras: 'TRY',
  riyal: 'SAR', riyals: 'SAR', dirham: 'AED', dirhams: 'AED', shekel: 'ILS', shekels: 'ILS',
  won: 'KRW', naira: 'NGN', hryvnia: 'UAH', hryvnias: 'UAH', zloty: 'PLN', zlotys: 'PLN',
  baht: 'THB', ringgit: 'MYR', rupiah: 'IDR', shilling: 'KES', shillings: 'KES', cedi: 'GHS',
  cedis: 'GHS', bitcoin: 'XBT', bitcoins: 'XBT',
});

/** An adjective before "dollars"/"pesos" that names the country: "Canadian dollars". */
export const CURRENCY_COUNTRY_ADJECTIVES: Readonly<Record<string, Readonly<Record<string, string>>>> = wordTable({
  dollars: wordTable({
    american: 'USD', us: 'USD', canadian: 'CAD', australian: 'AUD', 'hong kong': 'HKD',
    'new zealand': 'NZD', singapore: 'SGD', taiwan: 'TWD', taiwanese: 'TWD', zimbabwean: 'ZWL',
  }),
  pesos: wordTable({
    mexican: 'MXN', argentine: 'ARS', argentinian: 'ARS', philippine: 'PHP', colombian: 'COP',
    chilean: 'CLP', cuban: 'CUP', uruguayan: 'UYU', dominican: 'DOP',
  }),
});

/** Time units, lower-cased singular and plural → canonical plural. */
export const TIME_UNITS: Readonly<Record<string, string>> = wordTable({
  year: 'years', years: 'years', month: 'months', months: 'months', week: 'weeks', weeks: 'weeks',
  day: 'days', days: 'days', hour: 'hours', hours: 'hours', minute: 'minutes', minutes: 'minutes',
  seconds: 'seconds', decade: 'decades', decades: 'decades', century: 'centuries',
  centuries: 'centuries', fortnight: 'fortnights', fortnights: 'fortnights', yr: 'years',
  yrs: 'years', hrs: 'hours', mins: 'minutes',
});

/** Measure units (words and abbreviations, as written lower-cased) → canonical unit. */
export const MEASURE_UNITS: Readonly<Record<string, string>> = wordTable({
  km: 'km', kms: 'km', kilometre: 'km', kilometres: 'km', kilometer: 'km', kilometers: 'km',
  mile: 'mi', miles: 'mi', metre: 'm', metres: 'm', meter: 'm', meters: 'm', m: 'm',
  cm: 'cm', centimetre: 'cm', centimetres: 'cm', centimeter: 'cm', centimeters: 'cm',
  mm: 'mm', millimetre: 'mm', millimetres: 'mm', millimeter: 'mm', millimeters: 'mm',
  ft: 'ft', foot: 'ft', feet: 'ft', inch: 'in', inches: 'in', yard: 'yd', yards: 'yd',
  kg: 'kg', kgs: 'kg', kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg',
  gram: 'g', grams: 'g', g: 'g', mg: 'mg', milligram: 'mg', milligrams: 'mg',
  tonne: 't', tonnes: 't', ton: 't', tons: 't', lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb', ounce: 'oz', ounces: 'oz',
  oz: 'oz', litre: 'l', litres: 'l', liter: 'l', liters: 'l', gallon: 'gal', gallons: 'gal',
  barrel: 'bbl', barrels: 'bbl', bpd: 'bbl/d', acre: 'acre', acres: 'acre', hectare: 'ha',
  hectares: 'ha', ha: 'ha', degree: '°', degrees: '°', mph: 'mph', kph: 'km/h',
  knots: 'kn', mw: 'MW', megawatt: 'MW', megawatts: 'MW', gw: 'GW', gigawatt: 'GW',
  gigawatts: 'GW', kw: 'kW', kilowatt: 'kW', kilowatts: 'kW', kwh: 'kWh', mwh: 'MWh',
  gwh: 'GWh', twh: 'TWh', calorie: 'kcal', calories: 'kcal', gb: 'GB', tb: 'TB', mb: 'MB',
  gigabytes: 'GB', terabytes: 'TB', megabytes: 'MB', volt: 'V', volts: 'V',
});

/** Units glued to digits ("5km", "30C", "3x"): the subset that is unambiguous when glued. */
export const GLUED_MEASURE_SUFFIXES: ReadonlySet<string> = new Set([
  'km', 'kms', 'cm', 'mm', 'ft', 'kg', 'kgs', 'mg', 'lb', 'lbs', 'oz', 'mph', 'kph', 'mw', 'gw',
  'kw', 'kwh', 'mwh', 'gwh', 'twh', 'gb', 'tb', 'mb', 'ha', 'bpd',
]);
