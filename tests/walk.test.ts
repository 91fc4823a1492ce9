import { describe, expect, it } from 'vitest';
import { deleteStep, insertStep } from '../lib/board/path-doc';
import { ErrorCode } from '../lib/protocol/codes';
import { everyoneSees, ok, reconnect, refused, restart, stepIdsFromDoc } from './helpers/control';
import { closeAfterEach, gatherCrew, settle } from './helpers/people';
import { tempDataDir, waitFor, yjsClient } from './helpers/server';

const open = closeAfterEach();

describe('the walk', () => {
  it('spotlights the path’s first step on entering, for everyone', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    expect(steps.length).toBeGreaterThan(2);
    await ok(crew.fac.client, 'phase:set', { phase: 'target' });
    expect(crew.fac.client.state?.control.stepId).toBeNull();
    await ok(crew.fac.client, 'phase:next');
    await everyoneSees(
      crew.everyone,
      (s) => s.control.phase === 'walk' && s.control.stepId === steps[0],
      'the first step',
    );
  });

  it('moves the spotlight step by step and refuses to go past either end', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    const f = crew.fac.client;
    await refused(f, 'walk:next', {}, ErrorCode.INVALID_TRANSITION);
    await ok(f, 'phase:set', { phase: 'walk' });
    await refused(f, 'walk:prev', {}, ErrorCode.NOT_FOUND);
    await ok(f, 'walk:next');
    await everyoneSees(crew.everyone, (s) => s.control.stepId === steps[1], 'the second step');
    await ok(f, 'walk:prev');
    await everyoneSees(crew.everyone, (s) => s.control.stepId === steps[0], 'back to the first');
    await ok(f, 'walk:step', { stepId: steps.at(-1) });
    await refused(f, 'walk:next', {}, ErrorCode.NOT_FOUND);
    await refused(f, 'walk:step', { stepId: 'no-such-step' }, ErrorCode.NOT_FOUND);
    await everyoneSees(crew.everyone, (s) => s.control.stepId === steps.at(-1), 'the last step');
  });

  it('spotlights a step added live to the document, and not one deleted', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    await refused(crew.fac.client, 'walk:step', { stepId: 'pop-up-stand' }, ErrorCode.NOT_FOUND);

    const editor = yjsClient(crew.server, crew.workshop.id, crew.fac.joined.token);
    const watcher = yjsClient(crew.server, crew.workshop.id, crew.leader.joined.token);
    open.push(
      { close: () => editor.provider.destroy() },
      { close: () => watcher.provider.destroy() },
    );
    await waitFor(() => editor.provider.synced && watcher.provider.synced, 5000, 'sync');
    insertStep(
      editor.doc,
      {
        id: 'pop-up-stand',
        title: 'Pop-up stand',
        description: 'The customer meets us at a fair',
        stage: 'before',
        channel: 'in_person',
        department: 'Sales',
        critical: false,
        targetFeeling: 'curious',
        artefact: null,
      },
      1,
    );
    deleteStep(editor.doc, steps[2]!);
    // Relayed to another client means the server's document holds the change.
    const order = () => watcher.doc.getArray<string>('stepOrder').toArray();
    await waitFor(
      () => order().includes('pop-up-stand') && !order().includes(steps[2]!),
      5000,
      'the edit',
    );

    await ok(crew.fac.client, 'walk:step', { stepId: 'pop-up-stand' });
    await everyoneSees(crew.everyone, (s) => s.control.stepId === 'pop-up-stand', 'the new step');
    await ok(crew.fac.client, 'walk:prev');
    await everyoneSees(crew.everyone, (s) => s.control.stepId === steps[0], 'before the new one');
    await refused(crew.fac.client, 'walk:step', { stepId: steps[2] }, ErrorCode.NOT_FOUND);
  });

  it('lets the room run ahead or holds it in step', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    expect(crew.fac.client.state?.control.pace).toBe('hold');
    await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
    await everyoneSees(crew.everyone, (s) => s.control.pace === 'free', 'free pace');
    await refused(crew.leader.client, 'walk:pace', { pace: 'hold' }, ErrorCode.FORBIDDEN);
    await refused(crew.fac.client, 'walk:pace', { pace: 'run' }, ErrorCode.INVALID_PAYLOAD);
  });
});

describe('rounds and phases', () => {
  it('starts a new round from the first step, with the timer and readiness reset', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const steps = await stepIdsFromDoc(crew, open);
    const f = crew.fac.client;
    await ok(f, 'phase:set', { phase: 'walk' });
    await ok(f, 'walk:step', { stepId: steps[3] });
    await ok(f, 'timer:start', { durationMs: 60_000 });
    await ok(crew.customers[0]!.client, 'ready:set', { ready: true });
    await ok(f, 'phase:set', { phase: 'reflect' });
    await everyoneSees(crew.everyone, (s) => s.control.phase === 'reflect', 'reflect');

    await ok(f, 'round:start');
    await everyoneSees(crew.everyone, (s) => s.control.round === 2, 'round 2');
    expect(f.state?.control).toMatchObject({
      phase: 'walk',
      round: 2,
      stepId: steps[0],
      timer: { status: 'idle' },
      readiness: { scope: `walk:2:${steps[0]}`, doneIds: [] },
    });
    await refused(crew.staff.client, 'round:start', {}, ErrorCode.FORBIDDEN);
  });

  it('uses the phases the facilitator chose, and keeps the one the room is in', async () => {
    const crew = await gatherCrew(open, { customers: 1 });
    const f = crew.fac.client;
    await ok(f, 'phase:configure', { enabled: ['reveal', 'walk'] });
    await everyoneSees(
      crew.everyone,
      (s) => s.control.enabledPhases.join() === 'lobby,walk,reveal,summary',
      'the chosen phases',
    );
    await ok(f, 'phase:next');
    await everyoneSees(crew.everyone, (s) => s.control.phase === 'walk', 'straight to the walk');
    await refused(f, 'phase:configure', { enabled: ['vote'] }, ErrorCode.INVALID_TRANSITION);
    await refused(f, 'phase:set', { phase: 'vote' }, ErrorCode.INVALID_TRANSITION);
    await refused(
      crew.leader.client,
      'phase:configure',
      { enabled: [] },
      ErrorCode.INVALID_PAYLOAD,
    );
    await refused(
      crew.leader.client,
      'phase:configure',
      { enabled: ['walk'] },
      ErrorCode.FORBIDDEN,
    );
    // Without the walk among the phases, there is no round to start.
    await ok(f, 'phase:set', { phase: 'lobby' });
    await ok(f, 'phase:configure', { enabled: ['vote'] });
    await refused(f, 'round:start', {}, ErrorCode.INVALID_TRANSITION);
    await settle(f);
    expect(f.state?.control).toMatchObject({ phase: 'lobby', round: 1 });
  });

  it('resumes in the same round, phase and step after a server restart', async () => {
    const dataDir = tempDataDir();
    const crew = await gatherCrew(open, { customers: 1, dataDir });
    const steps = await stepIdsFromDoc(crew, open);
    await ok(crew.fac.client, 'phase:set', { phase: 'walk' });
    await ok(crew.fac.client, 'round:start');
    await ok(crew.fac.client, 'walk:step', { stepId: steps[2] });
    await ok(crew.fac.client, 'walk:pace', { pace: 'free' });
    await settle(crew.fac.client);
    const before = crew.fac.client.state!.control;

    const server = await restart(crew, dataDir, open);
    const back = await reconnect(server, crew.leader.joined.token, open);
    expect(back.states[0]?.control).toEqual(before);
    expect(before).toMatchObject({ phase: 'walk', round: 2, stepId: steps[2], pace: 'free' });
    const fac = await reconnect(server, crew.fac.joined.token, open);
    await ok(fac, 'walk:next');
    await waitFor(() => back.state?.control.stepId === steps[3], 5000, 'the walk to go on');
  });
});
