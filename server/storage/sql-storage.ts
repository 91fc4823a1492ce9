import type { ControlState, Participant } from '../../lib/domain/workshop';
import { answerQueries } from './answer-queries';
import type { SqlDialect } from './dialect';
import { docLog, toDocLog } from './doc-log';
import type { Statement } from './prepared';
import type {
  ActionRecord,
  DocClientClaim,
  DocLog,
  RatingRecord,
  Storage,
  VoteRecord,
  WarmupRecord,
  WorkshopRecord,
} from './storage';
import { toWorkshop, workshopQueries } from './workshop-queries';

/** Each dialect's queries, compiled once for every storage of that dialect. */
const compiled = new Map<SqlDialect, ReturnType<typeof compile>>();

function compile(d: SqlDialect) {
  return { ...workshopQueries(d), ...answerQueries(d), log: docLog(d) };
}

/** The statements of a dialect (compiled on first use). */
function queriesFor(d: SqlDialect): ReturnType<typeof compile> {
  let q = compiled.get(d);
  if (!q) compiled.set(d, (q = compile(d)));
  return q;
}

/**
 * Storage in SQL, the same for every engine: what each method reads or writes. An engine
 * (sqlite-storage.ts, postgres-storage.ts) adds its connection and how it runs the
 * statements: `read` answers from what is stored, `write` runs one write's statements
 * atomically, in the order the workshop's writes were made, and resolves once durable.
 */
export abstract class SqlStorage implements Storage {
  protected readonly q: ReturnType<typeof compile>;

  protected constructor(dialect: SqlDialect) {
    this.q = queriesFor(dialect);
  }

  protected abstract read<R>(statement: Statement<R>): Promise<R[]>;
  protected abstract write(workshopId: string, statements: Statement[]): Promise<void>;
  /** A new workshop's first record (nobody can own it yet); by default an ordinary write. */
  protected writeNew(workshopId: string, statement: Statement): Promise<void> {
    return this.write(workshopId, [statement]);
  }

  abstract close(): Promise<void>;

  createWorkshop(w: WorkshopRecord): Promise<void> {
    const { control, ...rest } = w;
    const row = {
      ...rest,
      controlJson: JSON.stringify(control),
      controlRevision: control.revision,
    };
    return this.writeNew(w.id, this.q.insertWorkshop.bind(row));
  }

  async getWorkshop(id: string): Promise<WorkshopRecord | null> {
    const [row] = await this.read(this.q.workshopById.bind({ id }));
    return row ? toWorkshop(row) : null;
  }

  async findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | null> {
    const [row] = await this.read(this.q.workshopByCode.bind({ joinCode }));
    return row ? toWorkshop(row) : null;
  }

  async listSeries(seriesId: string): Promise<WorkshopRecord[]> {
    return (await this.read(this.q.series.bind({ seriesId }))).map(toWorkshop);
  }

  saveControl(workshopId: string, state: ControlState): Promise<void> {
    const controlJson = JSON.stringify(state);
    return this.write(workshopId, [
      this.q.saveControl.bind({ id: workshopId, controlJson, revision: state.revision }),
    ]);
  }

  addParticipant(p: Participant): Promise<void> {
    return this.write(p.workshopId, [this.q.insertParticipant.bind(p)]);
  }

  updateParticipant(p: Participant): Promise<void> {
    return this.updateParticipants([p]);
  }

  async updateParticipants(people: Participant[]): Promise<void> {
    const [first] = people;
    if (!first) return;
    // One workshop's write: in its order, and (on Postgres) under its fence.
    if (people.some((p) => p.workshopId !== first.workshopId)) {
      throw new Error('updateParticipants: all of one workshop');
    }
    return this.write(
      first.workshopId,
      people.map((p) => this.q.updateParticipant.bind(p)),
    );
  }

  listParticipants(workshopId: string): Promise<Participant[]> {
    return this.read(this.q.participants.bind({ workshopId }));
  }

  putWarmupAnswer(a: WarmupRecord): Promise<void> {
    return this.write(a.workshopId, [this.q.upsertWarmup.bind(a)]);
  }

  listWarmupAnswers(workshopId: string): Promise<WarmupRecord[]> {
    return this.read(this.q.warmups.bind({ workshopId }));
  }

  putRating(r: RatingRecord): Promise<void> {
    return this.write(r.workshopId, [this.q.upsertRating.bind(r)]);
  }

  async listRatings(workshopId: string): Promise<RatingRecord[]> {
    const rows = await this.read(this.q.ratings.bind({ workshopId }));
    // A rating that expects nothing next has no such field (as it arrived), not a null.
    return rows.map(({ expectedNext, ...r }) => (expectedNext ? { ...r, expectedNext } : r));
  }

  putVote(v: VoteRecord): Promise<void> {
    const statement = v.dots === 0 ? this.q.deleteVote.bind(v) : this.q.upsertVote.bind(v);
    return this.write(v.workshopId, [statement]);
  }

  listVotes(workshopId: string): Promise<VoteRecord[]> {
    return this.read(this.q.votes.bind({ workshopId }));
  }

  putAction(a: ActionRecord): Promise<void> {
    return this.write(a.workshopId, [this.q.upsertAction.bind(a)]);
  }

  listActions(workshopId: string): Promise<ActionRecord[]> {
    return this.read(this.q.actions.bind({ workshopId }));
  }

  deleteAction(workshopId: string, id: string): Promise<void> {
    return this.write(workshopId, [this.q.deleteAction.bind({ workshopId, id })]);
  }

  appendDocUpdate(workshopId: string, update: Uint8Array): Promise<void> {
    return this.write(workshopId, [this.q.log.append(workshopId, update)]);
  }

  async loadDoc(workshopId: string): Promise<DocLog> {
    return toDocLog(await this.read(this.q.log.load(workshopId)));
  }

  compactDoc(workshopId: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    return this.write(workshopId, this.q.log.compact(workshopId, snapshot, upToSeq));
  }

  claimDocClients(workshopId: string, participantId: string, clientIds: number[]): Promise<void> {
    if (clientIds.length === 0) return Promise.resolve();
    return this.write(workshopId, this.q.log.claim(workshopId, participantId, clientIds));
  }

  listDocClients(workshopId: string): Promise<DocClientClaim[]> {
    return this.read(this.q.log.clients(workshopId));
  }
}
