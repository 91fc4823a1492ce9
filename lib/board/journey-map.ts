import { rolesPresent, type CurvePoint, type RatedRole } from '../analytics/curve';
import { targetValence } from '../analytics/gaps';
import { handoffs } from '../analytics/handoffs';
import { PHASES, type Phase } from '../domain/phases';
import { hasText } from '../export/board-notes';
import type { GroupView } from './board-doc';
import { LANES, type Lane } from './lanes';
import type { PathStep } from './path-doc';

/**
 * The journey map: the whole path at once, as every journey-mapping tool draws it. Steps
 * are columns (grouped by stage, with channel, owner, critical mark and the hand-off to
 * the next), lanes are rows whose cells hold the notes, and the emotion curves run across
 * the top, one value per column. Pure data: the grid on the screens, the SVG download and
 * the PDF's A3 page are all drawn from it.
 */

/** What the map needs of a note: the board's NoteView and the export's ExportNote both fit. */
export interface MapNote {
  id: string;
  stepId: string;
  lane: Lane;
  text: string;
  groupId: string | null;
}

export interface MapHandoff {
  fromDepartment: string;
  toDepartment: string;
}

export interface MapColumn {
  stepId: string;
  /** Position on the path, from 0; people read `index + 1`. */
  index: number;
  title: string;
  stage: PathStep['stage'];
  channel: PathStep['channel'];
  department: string;
  critical: boolean;
  /** The owning department changes between this step and the next. */
  handoffToNext: MapHandoff | null;
}

/** A run of consecutive columns in one stage: a header spanning them. */
export interface MapStage {
  stage: PathStep['stage'];
  /** Index of its first column. */
  start: number;
  span: number;
}

export interface MapCellGroup<N extends MapNote> {
  id: string;
  title: string;
  notes: N[];
}

export interface MapCell<N extends MapNote> {
  stepId: string;
  lane: Lane;
  /** Groups that hold at least one of the cell's notes, by title. */
  groups: MapCellGroup<N>[];
  /** Notes in no group (or in a group of another step), in board order. */
  loose: N[];
  /** All notes of the cell. */
  count: number;
}

export interface MapRow<N extends MapNote> {
  lane: Lane;
  /** One cell per column, in column order. */
  cells: MapCell<N>[];
}

/** One line across the top: a role's mean feeling, or the target, one value per column. */
export interface MapCurve {
  key: RatedRole | 'target';
  /** Null where the step has no value (not rated, or a target feeling the app does not know). */
  values: (number | null)[];
}

export interface JourneyMap<N extends MapNote = MapNote> {
  columns: MapColumn[];
  stages: MapStage[];
  rows: MapRow<N>[];
  /** Each role that rated, then the target; empty until some rating is revealed. */
  curves: MapCurve[];
}

export interface JourneyMapInput<N extends MapNote> {
  steps: readonly PathStep[];
  notes: readonly N[];
  groups: readonly GroupView[];
  /** The curve of revealed ratings (analytics' `curve`); empty or unrated before the reveal. */
  curve: readonly CurvePoint[];
  /** Lanes the workshop does not use: never rows. Default none. */
  hiddenLanes?: readonly Lane[];
  /**
   * Leave out lanes with no note anywhere on the path (a printed map has no room for empty
   * rows; the live map keeps them, so there is a cell to write the first note in).
   * Default false.
   */
  dropEmptyLanes?: boolean;
}

/** The phases from which everyone sees the map: once the feelings are on the table. */
export function mapAvailable(phase: Phase): boolean {
  return PHASES.indexOf(phase) >= PHASES.indexOf('reflect');
}

/** Consecutive columns of one stage, in path order (a stage may come back later). */
export function stageRuns(steps: readonly Pick<PathStep, 'stage'>[]): MapStage[] {
  const runs: MapStage[] = [];
  steps.forEach((step, i) => {
    const last = runs.at(-1);
    if (last && last.stage === step.stage) last.span++;
    else runs.push({ stage: step.stage, start: i, span: 1 });
  });
  return runs;
}

function columnsOf(steps: readonly PathStep[]): MapColumn[] {
  const after = new Map(handoffs(steps).map((h) => [h.fromIndex, h]));
  return steps.map((s, index) => {
    const h = after.get(index);
    return {
      stepId: s.id,
      index,
      title: s.title,
      stage: s.stage,
      channel: s.channel,
      department: s.department.trim(),
      critical: s.critical,
      handoffToNext: h ? { fromDepartment: h.fromDepartment, toDepartment: h.toDepartment } : null,
    };
  });
}

function cellOf<N extends MapNote>(
  stepId: string,
  lane: Lane,
  notes: readonly N[],
  groups: ReadonlyMap<string, GroupView>,
): MapCell<N> {
  const byGroup = new Map<string, MapCellGroup<N>>();
  const loose: N[] = [];
  for (const note of notes) {
    const group = note.groupId ? groups.get(note.groupId) : undefined;
    // A group belongs to one step; a note moved to another step has left it.
    if (!group || group.stepId !== stepId) {
      loose.push(note);
      continue;
    }
    const entry = byGroup.get(group.id) ?? { id: group.id, title: group.title, notes: [] };
    entry.notes.push(note);
    byGroup.set(group.id, entry);
  }
  const sorted = [...byGroup.values()].sort(
    (a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
  return { stepId, lane, groups: sorted, loose, count: notes.length };
}

function curvesOf(steps: readonly PathStep[], curve: readonly CurvePoint[]): MapCurve[] {
  const byStep = new Map(curve.map((p) => [p.stepId, p]));
  const points = steps.map((s) => byStep.get(s.id));
  const roles = rolesPresent(points.filter((p) => p !== undefined));
  if (roles.length === 0) return [];
  return [
    ...roles.map((role) => ({
      key: role,
      values: points.map((p) => p?.byRole[role]?.mean ?? null),
    })),
    { key: 'target' as const, values: steps.map((s) => targetValence(s.targetFeeling)) },
  ];
}

/** The journey map of a path, its board and its revealed curve. */
export function buildJourneyMap<N extends MapNote>(input: JourneyMapInput<N>): JourneyMap<N> {
  const { steps, notes, hiddenLanes = [], dropEmptyLanes = false } = input;
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  const onPath = new Set(steps.map((s) => s.id));
  const byCell = new Map<string, N[]>();
  for (const note of notes) {
    // A blank sticky says nothing: the map, like every summary, leaves it out.
    if (!onPath.has(note.stepId) || !hasText(note)) continue;
    const key = `${note.lane}\u0000${note.stepId}`;
    const list = byCell.get(key) ?? [];
    list.push(note);
    byCell.set(key, list);
  }
  const lanes = LANES.filter(
    (lane) =>
      !hiddenLanes.includes(lane) &&
      (!dropEmptyLanes || steps.some((s) => byCell.has(`${lane}\u0000${s.id}`))),
  );
  return {
    columns: columnsOf(steps),
    stages: stageRuns(steps),
    rows: lanes.map((lane) => ({
      lane,
      cells: steps.map((s) => cellOf(s.id, lane, byCell.get(`${lane}\u0000${s.id}`) ?? [], groups)),
    })),
    curves: curvesOf(steps, input.curve),
  };
}
