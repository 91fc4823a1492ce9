import type { Locale } from '../domain/roles';
import type { ComparedRun, RunComparison } from './compare';
import { escapeMarkdown, markdownTable } from './markdown';
import { exportWords, fill, formatDate, label, numberFormats } from './words';

/**
 * Runs of one path compared, as Markdown (CommonMark with GitHub tables) in the language
 * of the latest run (or `locale`): the runs, one table of the mean feeling per step with
 * the change from the first run to the last, and per run the gap between leaders and
 * customer proxies. Every string from the workshops is escaped.
 */
export function renderComparisonMarkdown(cmp: RunComparison, locale?: Locale): string {
  const latest = cmp.runs.at(-1);
  const words = exportWords(locale ?? latest?.locale ?? 'en');
  const { t } = words;
  const n = numberFormats(words.locale);
  const mean = (v: number | null | undefined) => (v == null ? t.unrated : n.valence(v));
  const runName = (run: ComparedRun, i: number) =>
    fill(t.compareRun, { n: i + 1, date: formatDate(run.createdAt, words.locale) });
  const role = (r: string) => label(words.roles, r);
  const paragraph = (text: string) => escapeMarkdown(text);
  const heading = (level: number, text: string) =>
    `${'#'.repeat(level)} ${escapeMarkdown(text, false)}`;

  const parts: string[] = [
    heading(1, latest?.title ?? t.compareHeading),
    `_${escapeMarkdown(t.compareHeading, false)}_`,
  ];

  parts.push(heading(2, t.compareRunsTitle));
  parts.push(
    cmp.runs
      .map((run, i) => {
        const facts =
          run.round === null
            ? t.noRatings
            : fill(t.compareRunFacts, { round: run.round, count: run.ratingCount }, words.locale);
        return `- **${escapeMarkdown(runName(run, i), false)}:** ${escapeMarkdown(facts, false)}`;
      })
      .join('\n') || paragraph(t.noRatings),
  );

  parts.push(heading(2, t.compareMeansTitle), paragraph(t.compareMeansNote));
  const withChange = cmp.runs.length >= 2;
  const head = [t.step, ...cmp.runs.map(runName), ...(withChange ? [t.compareChange] : [])];
  const rows = cmp.steps.map((step, i) => [
    `${i + 1}. ${step.title}`,
    ...step.runs.map((m) => (m === null ? t.compareNotOnPath : mean(m.overall))),
    ...(withChange ? [mean(step.change.overall)] : []),
  ]);
  parts.push(
    markdownTable(
      head,
      rows,
      head.map((_, i) => i > 0),
    ),
  );
  if (cmp.removed.length) {
    parts.push(
      paragraph(fill(t.compareRemoved, { steps: cmp.removed.map((s) => s.title).join(', ') })),
    );
  }

  parts.push(heading(2, t.compareGapsTitle), paragraph(t.compareGapsNote));
  cmp.runs.forEach((run, i) => {
    parts.push(heading(3, runName(run, i)));
    if (run.round === null) {
      parts.push(paragraph(t.noRatings));
      return;
    }
    parts.push(
      markdownTable(
        [t.step, role('leader'), role('customer'), t.compareGap],
        run.steps.map((s, index) => [
          `${index + 1}. ${s.title}`,
          mean(s.byRole.leader),
          mean(s.byRole.customer),
          mean(s.leadersVsCustomers),
        ]),
        [false, true, true, true],
      ),
    );
  });
  return `${parts.join('\n\n')}\n`;
}
