import { describe, expect, it } from 'vitest';
import { CATALOGUES } from './catalogues';
import en from './messages/en.json';
import { ErrorCode, WriteDenied } from '../protocol/codes';
import { PHASES } from '../domain/phases';
import { LOCALES, ROLES } from '../domain/roles';

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe('message catalogues', () => {
  it('have exactly the same keys in every language (Finnish and English)', () => {
    for (const locale of LOCALES)
      expect(keys(CATALOGUES[locale]).sort(), locale).toEqual(keys(en).sort());
  });

  it('have no empty strings', () => {
    for (const [name, catalogue] of Object.entries(CATALOGUES)) {
      const empty = keys(catalogue).filter((k) => {
        const value = k
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(empty, name).toEqual([]);
    }
  });

  it('name every phase, role and error code the protocol can produce', () => {
    const all = new Set(keys(en));
    for (const phase of PHASES) {
      expect(all).toContain(`phases.${phase}`);
      expect(all).toContain(`phaseHelp.${phase}`);
      expect(all).toContain(`phaseInstruction.${phase}`);
      for (const part of ['purpose', 'script', 'watch'])
        expect(all).toContain(`phaseGuide.${phase}.${part}`);
    }
    for (const role of ROLES) expect(all).toContain(`roles.${role}`);
    for (const locale of LOCALES) expect(all).toContain(`locale.${locale}`);
    for (const code of Object.values(ErrorCode)) expect(all).toContain(`errors.${code}`);
  });

  it('say in words why the board refused a change, for every reason the server gives', () => {
    const all = new Set(keys(en));
    for (const reason of Object.values(WriteDenied))
      expect(all).toContain(`board.denied.${reason}`);
  });
});
