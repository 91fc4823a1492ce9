/**
 * The connections that keep a workshop loaded: each person's (a person with two tabs is
 * online until both close), projector screens' (nobody's presence), and Yjs documents'
 * (they read rights from the actor).
 */
export class Connections {
  private readonly people = new Map<string, number>();
  private screens = 0;
  private docs = 0;

  get count(): number {
    let n = this.screens + this.docs;
    for (const c of this.people.values()) n += c;
    return n;
  }

  isOnline(participantId: string): boolean {
    return (this.people.get(participantId) ?? 0) > 0;
  }

  opened(participantId: string): void {
    this.people.set(participantId, (this.people.get(participantId) ?? 0) + 1);
  }

  closed(participantId: string): void {
    const left = (this.people.get(participantId) ?? 1) - 1;
    if (left > 0) this.people.set(participantId, left);
    else this.people.delete(participantId);
  }

  /** A projector screen (+1) or a Yjs document connection (`doc`) opened (+1) or closed (−1). */
  other(kind: 'screen' | 'doc', delta: 1 | -1): void {
    if (kind === 'screen') this.screens = Math.max(0, this.screens + delta);
    else this.docs = Math.max(0, this.docs + delta);
  }
}
