import { describe, expect, it } from 'vitest';
import { ROLES } from '@/lib/domain/roles';
import { ROLE_COLOUR, ROLE_TEXT_ON_COLOUR } from './role-style';

/** WCAG 2.1 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('role colours', () => {
  // Seen by axe: white initials on the customer's orange avatar (2.1:1) in reflect.
  it('carry their initials at 4.5:1 or more, for every role', () => {
    for (const role of ROLES) {
      expect(contrast(ROLE_COLOUR[role], ROLE_TEXT_ON_COLOUR[role]), role).toBeGreaterThanOrEqual(
        4.5,
      );
    }
  });
});
