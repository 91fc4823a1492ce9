/** One person's warm-up answers, each 0–10. */
export interface WarmupAnswer {
  /** "How likely would you recommend your workplace to a friend?" */
  workplace: number;
  /** "How likely would our customers recommend us?" (the person's estimate) */
  customers: number;
}

export interface NpsFigure {
  /** Share of 9–10 minus share of 0–6, in percentage points (−100…+100), rounded. */
  score: number;
  promoters: number;
  passives: number;
  detractors: number;
  mean: number;
}

export interface WarmupResults {
  count: number;
  /** Employee NPS from the workplace question. */
  enps: NpsFigure;
  /** The group's estimate of the customers' NPS. */
  customerEstimate: NpsFigure;
}

/** Net promoter figure of 0–10 answers; null when nobody answered. */
export function nps(values: readonly number[]): NpsFigure | null {
  if (values.length === 0) return null;
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  const passives = values.length - promoters - detractors;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return {
    score: Math.round(((promoters - detractors) / values.length) * 100),
    promoters,
    passives,
    detractors,
    mean: Math.round(mean * 10) / 10,
  };
}

export function warmupResults(answers: readonly WarmupAnswer[]): WarmupResults | null {
  const enps = nps(answers.map((a) => a.workplace));
  const customerEstimate = nps(answers.map((a) => a.customers));
  if (!enps || !customerEstimate) return null;
  return { count: answers.length, enps, customerEstimate };
}
