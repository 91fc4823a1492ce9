import type { Locale } from '../domain/roles';
import { CATALOGUES, type Messages } from '../i18n/catalogues';

/** The catalogue parts an exported summary uses, in the workshop's language. */
export interface ExportWords {
  locale: Locale;
  t: Messages['export'];
  roles: Messages['roles'];
  lanes: Messages['lanes'];
  lenses: Messages['lenses'];
  emotions: Messages['emotions'];
  phases: Messages['phases'];
  stages: Messages['stages'];
  channels: Messages['channels'];
  locales: Messages['locale'];
}

export function exportWords(locale: Locale): ExportWords {
  const c = CATALOGUES[locale] ?? CATALOGUES.en;
  return {
    locale,
    t: c.export,
    roles: c.roles,
    lanes: c.lanes,
    lenses: c.lenses,
    emotions: c.emotions,
    phases: c.phases,
    stages: c.stages,
    channels: c.channels,
    locales: c.locale,
  };
}

/**
 * Fills `{name}` placeholders in one pass, so a value that itself contains braces (user
 * text) is never read as a placeholder. ICU plurals (`{n, plural, one {# step} other
 * {# steps}}`) are chosen first, by the plural rules of `locale`, from the catalogue's
 * text alone: a value is put in only afterwards.
 */
export function fill(
  template: string,
  values: Record<string, string | number>,
  locale: Locale = 'en',
): string {
  return resolvePlurals(template, values, locale).replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}

/** Replaces each `{name, plural, …}` whose value is a number with its branch for that number. */
function resolvePlurals(
  template: string,
  values: Record<string, string | number>,
  locale: Locale,
): string {
  const head = /\{(\w+), plural,/g;
  let out = '';
  let from = 0;
  for (let m = head.exec(template); m; m = head.exec(template)) {
    const end = closingBrace(template, m.index);
    const count = values[m[1] as string];
    if (end < 0 || typeof count !== 'number') continue;
    const branches = new Map<string, string>();
    const branch = /\s*(=\d+|zero|one|two|few|many|other)\s*\{/g;
    branch.lastIndex = head.lastIndex;
    for (let b = branch.exec(template); b && b.index < end; b = branch.exec(template)) {
      const close = closingBrace(template, branch.lastIndex - 1);
      branches.set(b[1] as string, template.slice(branch.lastIndex, close));
      branch.lastIndex = close + 1;
    }
    const chosen =
      branches.get(`=${count}`) ??
      branches.get(new Intl.PluralRules(locale).select(count)) ??
      branches.get('other') ??
      '';
    out +=
      template.slice(from, m.index) +
      chosen.replaceAll('#', new Intl.NumberFormat(locale).format(count));
    from = end + 1;
    head.lastIndex = end + 1;
  }
  return out + template.slice(from);
}

/** The index of the `}` that closes the `{` at `open`, or -1. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** A name from a catalogue section, or the key itself when the catalogue lacks it. */
export function label(section: Record<string, string>, key: string): string {
  return Object.hasOwn(section, key) ? (section[key] as string) : key;
}

/** Number formats of the workshop's language (Finnish: decimal comma, real minus sign). */
export function numberFormats(locale: Locale) {
  const signed = new Intl.NumberFormat(locale, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const whole = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  return {
    /** A valence mean: "+1.5", "−0.3" (fi "+1,5"). */
    valence: (n: number) => signed.format(n),
    /** A magnitude (a gap, a score): "1.5". */
    amount: (n: number) => oneDecimal.format(n),
    /** An NPS: "+20", "−5". */
    nps: (n: number) => whole.format(n),
    percent: (share: number) => percent.format(share),
  };
}

/** A date in the workshop's language, in Finnish time (where the workshops run). */
export function formatDate(isoDate: string, locale: Locale, timeZone = 'Europe/Helsinki'): string {
  const date = new Date(isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone }).format(date);
}
