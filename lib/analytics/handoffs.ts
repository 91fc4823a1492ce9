/** A change of owning department between two consecutive steps: where customers get "bounced". */
export interface Handoff {
  /** Index of the step before the hand-off; the step after it is `fromIndex + 1`. */
  fromIndex: number;
  fromStepId: string;
  toStepId: string;
  fromDepartment: string;
  toDepartment: string;
}

interface OwnedStep {
  id: string;
  department: string;
}

/** Normalised for comparison: "Sales " and "sales" are one department. */
function departmentKey(name: string): string {
  return name.trim().toLocaleLowerCase();
}

/** Every hand-off along the path, in order. Steps without a department never hand off. */
export function handoffs(steps: readonly OwnedStep[]): Handoff[] {
  const out: Handoff[] = [];
  for (let i = 0; i + 1 < steps.length; i++) {
    const from = steps[i] as OwnedStep;
    const to = steps[i + 1] as OwnedStep;
    const a = departmentKey(from.department);
    const b = departmentKey(to.department);
    if (a && b && a !== b) {
      out.push({
        fromIndex: i,
        fromStepId: from.id,
        toStepId: to.id,
        fromDepartment: from.department.trim(),
        toDepartment: to.department.trim(),
      });
    }
  }
  return out;
}
