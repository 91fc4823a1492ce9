import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from '../../lib/domain/roles';

type Tree = { [key: string]: string | Tree };

const catalogues = new Map<string, Tree>();

/**
 * A message from the app's own catalogue, so one browser test can drive either language
 * by the words a person reads. Only `{name}` placeholders are filled in (enough for labels).
 */
export function messagesFor(locale: Locale) {
  let tree = catalogues.get(locale);
  if (!tree) {
    const file = path.resolve(import.meta.dirname, `../../lib/i18n/messages/${locale}.json`);
    tree = JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
    catalogues.set(locale, tree);
  }
  const root = tree;
  return (key: string, values: Record<string, string | number> = {}): string => {
    const found = key
      .split('.')
      .reduce<string | Tree | undefined>(
        (node, part) => (typeof node === 'object' ? node[part] : undefined),
        root,
      );
    if (typeof found !== 'string') throw new Error(`no message ${locale}:${key}`);
    return found.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}
