import type { EventStore } from '@casebook/event-store';
import type { DomainPolicy } from '../domain/shared/command-context';
import type { PupilConductCommand } from '../domain/pupil-conduct/pupil-conduct.commands';
import { decidePupilConduct } from '../domain/pupil-conduct/pupil-conduct.decider';
import type { PupilConductEvent } from '../domain/pupil-conduct/pupil-conduct.events';
import { evolvePupilConduct, initialPupilConductState, type PupilConductState } from '../domain/pupil-conduct/pupil-conduct.state';
import { StreamCommandHandler } from './stream-command-handler';

/** Stream id of a pupil's conduct stream (domain spec: `pupil-conduct-<pupilId>`). */
export const pupilConductStream = (pupilId: string): string => `pupil-conduct-${pupilId}`;

/** Runs pupil-conduct commands (device custody, e-mail account) against the event store. */
export function pupilConductHandler(store: EventStore, policy: DomainPolicy): StreamCommandHandler<PupilConductCommand, PupilConductEvent, PupilConductState> {
  return new StreamCommandHandler(
    store,
    {
      initialState: initialPupilConductState,
      evolve: evolvePupilConduct,
      decide: (command, state) => decidePupilConduct(command, state, policy),
    },
    // The school of the event itself, or of the custody a notification or return is about.
    (state, events) => {
      const data = (events[0]?.data ?? {}) as { schoolId?: string; regarding?: string; custodyId?: string };
      return data.schoolId ?? state.custodies[data.regarding ?? data.custodyId ?? '']?.schoolId ?? null;
    },
  );
}
