'use client';

import { useTranslations } from 'next-intl';
import type { RatedRole } from '@/lib/analytics/curve';
import { useValenceFormat } from './format';

/**
 * The emotion curve's numbers as a table for screen readers: each step's mean per role,
 * overall and the target.
 */
export function CurveTable({
  steps,
  roles,
  roleMean,
  overall,
  targets,
}: {
  steps: readonly { id: string; title: string; critical: boolean }[];
  roles: readonly RatedRole[];
  roleMean: (role: RatedRole, i: number) => number | null;
  /** Step `i`'s mean over everyone who rated it. */
  overall: (i: number) => number | undefined;
  targets: readonly (number | null)[];
}) {
  const t = useTranslations('analytics');
  const tr = useTranslations('roles');
  const fmt = useValenceFormat();
  const cell = (v: number | null | undefined) => (v == null ? t('noRatings') : fmt.level(v));
  return (
    // sr-only on the wrapper: a table ignores `overflow: hidden`, so an sr-only table
    // would still widen the page (a phone then scrolls sideways).
    <div className="sr-only">
      <table>
        <caption>{t('meansCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('step')}</th>
            {roles.map((role) => (
              <th key={role} scope="col">
                {tr(role)}
              </th>
            ))}
            <th scope="col">{t('overall')}</th>
            <th scope="col">{t('target')}</th>
          </tr>
        </thead>
        <tbody>
          {steps.map((s, i) => (
            <tr key={s.id}>
              <th scope="row">
                {t('stepName', { number: i + 1, title: s.title })}
                {s.critical && `, ${t('critical')}`}
              </th>
              {roles.map((role) => (
                <td key={role}>{cell(roleMean(role, i))}</td>
              ))}
              <td>{cell(overall(i))}</td>
              <td>{targets[i] === null ? '–' : fmt.level(targets[i] as number)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
