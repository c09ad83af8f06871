import { streamIds } from '@casebook/event-store';
import type { Actor } from '../../domain/shared/actor';
import type { ImposeMeasure } from '../../domain/pupil-incident/pupil-incident.commands';
import { type RuleViolation, isRuleViolation, refuse } from '../../domain/shared/rule-violation';
import { type CommandOutcome, refused } from '../command-outcome';
import type { Issued, WriteSideCore } from '../write-side-core';

/**
 * A booking whose case has not recorded its suspension this long after it was made was left by a command that
 * failed between the two appends (a crash): the next suspension refused because of it releases it first.
 */
export const BOOKING_SETTLES_MS = 60_000;

/** Releases are the write side's bookkeeping, not a person's act (the booking's school may be another's). */
export const BOOKKEEPING_ACTOR: Actor = { id: 'casebook-bookkeeping', role: 'board', schools: [] };

type Reason = 'withdrawn' | 'not-recorded';

/**
 * rule P5 (revision 2) across cases (decisions #81): a suspension is booked on the pupil's own stream before it is
 * recorded on its case. The booking decider counts the pupil's suspensions of every case together, and appending
 * at the pupil stream's revision serialises two suspensions of one pupil decided at once in two cases. The case
 * stays the truth: a booking its case did not record (refused there, or a crash) or withdrew is released.
 */
export class SuspensionBookings {
  constructor(private readonly core: WriteSideCore) {}

  /** Checks the case's own rules first (nothing is booked for a command the case refuses), books, then records. */
  async impose(incidentId: string, data: ImposeMeasure['data'], issued: Issued, record: () => Promise<CommandOutcome>): Promise<CommandOutcome> {
    const loaded = await this.core.cases.load(incidentId);
    // Unknown case, a staff case, or a stale If-Match: the case's own path gives the answer.
    if (
      !loaded ||
      loaded.kind !== 'pupil-incident' ||
      (issued.meta.expectedRevision !== undefined && issued.meta.expectedRevision !== loaded.events.length - 1)
    )
      return record();
    const cases = this.core.handlers.pupilIncident;
    const dryRun = cases.dryRun({ type: 'ImposeMeasure', context: issued.context, data }, loaded.events);
    if (isRuleViolation(dryRun)) return refused(dryRun);
    const booking = {
      measureId: data.measureId,
      incidentId,
      pupilId: data.subjectId,
      schoolId: cases.stateOf(loaded.events).schoolId,
      startsOn: data.startsOn!,
      endsOn: data.endsOn!,
    };
    const refusal = await this.book(booking, issued);
    if (refusal) return refused(refusal);
    let outcome: CommandOutcome;
    try {
      outcome = await record();
    } catch (error) {
      await this.release(data.subjectId, data.measureId, 'not-recorded', issued).catch(() => undefined);
      throw error;
    }
    if (outcome.outcome !== 'accepted') await this.release(data.subjectId, data.measureId, 'not-recorded', issued);
    return outcome;
  }

  /** COR1: a withdrawn suspension no longer counts for the pupil's next one. */
  async withdrawn(incidentId: string, measureId: string, issued: Issued): Promise<void> {
    const loaded = await this.core.cases.load(incidentId);
    if (loaded?.kind !== 'pupil-incident') return;
    const imposed = loaded.events.find((event) => event.type === 'MeasureImposed' && (event.data as { measureId: string }).measureId === measureId);
    const data = imposed?.data as { measure: string; subjectId: string } | undefined;
    if (data?.measure === 'suspension') await this.release(data.subjectId, measureId, 'withdrawn', issued);
  }

  private async book(booking: Parameters<SuspensionBookings['bookOnce']>[0], issued: Issued): Promise<RuleViolation | null> {
    const first = await this.bookOnce(booking, issued);
    // Refused: perhaps because of a booking a failed command left behind; release those and try once more.
    if (first?.rule === 'P5' && (await this.releaseUnrecorded(booking.pupilId, issued)) > 0) return this.bookOnce(booking, issued);
    return first;
  }

  private async bookOnce(
    booking: {
      readonly measureId: string;
      readonly incidentId: string;
      readonly pupilId: string;
      readonly schoolId: string;
      readonly startsOn: string;
      readonly endsOn: string;
    },
    issued: Issued,
  ): Promise<RuleViolation | null> {
    const meta = { correlationId: issued.meta.correlationId, causationId: issued.meta.causationId };
    const result = await this.core.handlers.pupilConduct.handle(
      streamIds.pupilConduct(booking.pupilId),
      { type: 'BookSuspension', context: issued.context, data: booking },
      meta,
    );
    if (result.outcome === 'accepted') return null;
    return result.outcome === 'refused' ? result.violation : refuse('P5', "The pupil's suspensions changed meanwhile; try again");
  }

  /** Bookings older than BOOKING_SETTLES_MS whose case does not hold the suspension (any more): released. */
  private async releaseUnrecorded(pupilId: string, issued: Issued): Promise<number> {
    const conduct = this.core.handlers.pupilConduct;
    const bookings = Object.values(conduct.stateOf(await this.core.deps.store.readStream(streamIds.pupilConduct(pupilId))).suspensionBookings);
    let released = 0;
    for (const booking of bookings) {
      if (Date.parse(issued.context.now) - Date.parse(booking.bookedAt) < BOOKING_SETTLES_MS) continue;
      const loaded = await this.core.cases.load(booking.incidentId);
      const kase = loaded?.kind === 'pupil-incident' ? this.core.handlers.pupilIncident.stateOf(loaded.events) : null;
      if (kase?.suspensions.some((suspension) => suspension.measureId === booking.measureId)) continue;
      await this.release(pupilId, booking.measureId, kase?.measureIds[booking.measureId] ? 'withdrawn' : 'not-recorded', issued);
      released++;
    }
    return released;
  }

  private async release(pupilId: string, measureId: string, reason: Reason, issued: Issued): Promise<void> {
    const meta = { correlationId: issued.meta.correlationId, causationId: issued.meta.causationId };
    const context = { actor: BOOKKEEPING_ACTOR, now: issued.context.now };
    await this.core.handlers.pupilConduct.handle(
      streamIds.pupilConduct(pupilId),
      { type: 'ReleaseSuspensionBooking', context, data: { measureId, reason } },
      meta,
    );
  }
}
