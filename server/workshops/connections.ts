/**
 * Each person's open sessions, for their presence: a person with two tabs is online until
 * both close. (What keeps a workshop loaded, screens and Yjs documents too, its room counts.)
 */
export class Connections {
  private readonly people = new Map<string, number>();

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
}
