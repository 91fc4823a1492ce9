import { z } from 'zod';
import { EMOTION_NAMES } from '../domain/emotions';
import { LOCALES, type Locale } from '../domain/roles';

const Text = z.string().trim().min(1).max(2000);

/**
 * Every text a person reads in a template, once in each language the app speaks: built
 * from `LOCALES`, so a new language makes every template name its text in it (the server
 * does not start until they all do), and no code here changes.
 */
const Localized = z.strictObject(
  Object.fromEntries(LOCALES.map((l) => [l, Text])) as { [L in Locale]: typeof Text },
);
export type Localized = z.infer<typeof Localized>;

export const STAGES = ['before', 'during', 'after'] as const;
export const CHANNELS = [
  'web',
  'app',
  'phone',
  'email',
  'chat',
  'in_person',
  'letter_invoice',
  'social',
  'other',
] as const;

const Slug = z.string().regex(/^[a-z0-9-]{1,64}$/);

export const TemplateStep = z.strictObject({
  id: Slug,
  title: Localized,
  description: Localized,
  stage: z.enum(STAGES),
  channel: z.enum(CHANNELS),
  department: Localized,
  critical: z.boolean(),
  targetFeeling: z.enum(EMOTION_NAMES as [string, ...string[]]),
  artefact: Localized.nullable(),
});

const Persona = z.strictObject({ id: Slug, name: Localized, description: Localized });
const SituationCard = z.strictObject({
  id: Slug,
  title: Localized,
  description: Localized,
  /**
   * The personas (ids) this card does not fit, which random dealing never pairs with it
   * ("You are 82" is not for "Anneli, 68"). @default [] (fits everyone)
   */
  notFor: z.array(Slug).max(6).optional(),
});

/** Adds an issue at every item whose id repeats an earlier one in the same list. */
function flagDuplicateIds(
  ctx: z.RefinementCtx,
  list: 'steps' | 'personas' | 'situations',
  items: ReadonlyArray<{ id: string }>,
  message: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message });
    seen.add(item.id);
  });
}

/** Every `notFor` names a persona of the template, and leaves the card someone it fits. */
function flagMisfits(
  ctx: z.RefinementCtx,
  t: { personas: ReadonlyArray<{ id: string }>; situations: z.infer<typeof SituationCard>[] },
): void {
  const personas = new Set(t.personas.map((p) => p.id));
  t.situations.forEach((card, i) => {
    const notFor = card.notFor ?? [];
    notFor.forEach((id, j) => {
      if (!personas.has(id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['situations', i, 'notFor', j],
          message: `no persona ${id}`,
        });
      }
    });
    if (personas.size > 0 && [...personas].every((id) => notFor.includes(id))) {
      ctx.addIssue({
        code: 'custom',
        path: ['situations', i, 'notFor'],
        message: 'fits no persona',
      });
    }
  });
}

export const Template = z
  .strictObject({
    id: Slug,
    title: Localized,
    summary: Localized,
    steps: z.array(TemplateStep).max(12),
    personas: z.array(Persona).max(6),
    situations: z.array(SituationCard).max(30),
  })
  .superRefine((t, ctx) => {
    // A blank template has no steps; any other needs a real path of 6–12, with the people
    // and the situation deck to walk it: 2–3 personas and 5–12 situation cards.
    if (t.steps.length > 0) {
      if (t.steps.length < 6) {
        ctx.addIssue({ code: 'custom', path: ['steps'], message: 'needs 0 or 6–12 steps' });
      }
      if (t.personas.length < 2 || t.personas.length > 3) {
        ctx.addIssue({
          code: 'custom',
          path: ['personas'],
          message: 'a template with steps needs 2–3 personas',
        });
      }
      if (t.situations.length < 5 || t.situations.length > 12) {
        ctx.addIssue({
          code: 'custom',
          path: ['situations'],
          message: 'a template with steps needs 5–12 situation cards',
        });
      }
    }
    flagDuplicateIds(ctx, 'steps', t.steps, 'duplicate step id');
    flagDuplicateIds(ctx, 'personas', t.personas, 'duplicate persona id');
    flagDuplicateIds(ctx, 'situations', t.situations, 'duplicate situation id');
    flagMisfits(ctx, t);
  });
export type Template = z.infer<typeof Template>;
export type TemplateStep = z.infer<typeof TemplateStep>;

/** Parses one template file's JSON; the error names the file and the first bad field. */
export function parseTemplate(fileName: string, json: unknown): Template {
  const result = Template.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '(root)';
  throw new Error(`Template ${fileName}: field ${where}: ${issue?.message ?? 'invalid'}`);
}
