import { assertNever } from '../shared/rule-violation';
import type { PupilConductEvent } from './pupil-conduct.events';

export interface Custody {
  readonly custodyId: string;
  readonly schoolId: string;
  readonly takenAt: string;
  readonly custodyUntil: string;
  readonly returnObligationId: string;
  readonly pupilId: string;
  readonly offenceNumber: number;
  readonly returned: boolean;
  /** M6: recorded as overdue (once). */
  readonly overdue: boolean;
}

/** P5: a suspension booked for this pupil, in whichever case. */
export interface SuspensionBooking {
  readonly measureId: string;
  readonly incidentId: string;
  readonly schoolId: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly bookedAt: string;
}

/** What the deciders need to know of a pupil's conduct stream, folded from its events. */
export interface PupilConductState {
  readonly custodies: Readonly<Record<string, Custody>>;
  /** M5: offences per school year. */
  readonly offencesBySchoolYear: Readonly<Record<number, number>>;
  /** Open "inform parents" obligations by what they regard (custody or account action id). */
  readonly informParentsOpen: Readonly<Record<string, string>>;
  /** Account actions and custodies by id → their school: "unknown" vs "already informed", and who may act. */
  readonly knownActions: Readonly<Record<string, string>>;
  /** P5: the suspensions that count, of every case, by measure id (released ones left out). */
  readonly suspensionBookings: Readonly<Record<string, SuspensionBooking>>;
  /** Measure ids booked once, released or not: a booking is made once. */
  readonly bookedMeasureIds: Readonly<Record<string, true>>;
}

export const initialPupilConductState: PupilConductState = {
  custodies: {},
  offencesBySchoolYear: {},
  informParentsOpen: {},
  knownActions: {},
  suspensionBookings: {},
  bookedMeasureIds: {},
};

export function evolvePupilConduct(state: PupilConductState, event: PupilConductEvent): PupilConductState {
  switch (event.type) {
    case 'DeviceTakenIntoCustody': {
      const { data } = event;
      const returnObligation = data.obligations.find((o) => o.kind === 'device-return');
      const inform = data.obligations.find((o) => o.kind === 'inform-parents');
      return {
        ...state,
        custodies: {
          ...state.custodies,
          [data.custodyId]: {
            custodyId: data.custodyId,
            schoolId: data.schoolId,
            takenAt: data.takenAt,
            custodyUntil: data.custodyUntil,
            returnObligationId: returnObligation?.obligationId ?? '',
            pupilId: data.pupilId,
            offenceNumber: data.offenceNumber,
            returned: false,
            overdue: false,
          },
        },
        offencesBySchoolYear: { ...state.offencesBySchoolYear, [data.schoolYear]: data.offenceNumber },
        informParentsOpen: inform ? { ...state.informParentsOpen, [data.custodyId]: inform.obligationId } : state.informParentsOpen,
        knownActions: { ...state.knownActions, [data.custodyId]: data.schoolId },
      };
    }
    case 'DeviceReturned': {
      const custody = state.custodies[event.data.custodyId];
      if (!custody) return state;
      return { ...state, custodies: { ...state.custodies, [custody.custodyId]: { ...custody, returned: true } } };
    }
    case 'DeviceReturnOverdue': {
      const custody = state.custodies[event.data.custodyId];
      if (!custody) return state;
      return { ...state, custodies: { ...state.custodies, [custody.custodyId]: { ...custody, overdue: true } } };
    }
    case 'EmailAccountSuspended':
    case 'EmailUseWarned': {
      const inform = event.data.obligations.find((o) => o.kind === 'inform-parents');
      return {
        ...state,
        informParentsOpen: inform ? { ...state.informParentsOpen, [event.data.actionId]: inform.obligationId } : state.informParentsOpen,
        knownActions: { ...state.knownActions, [event.data.actionId]: event.data.schoolId },
      };
    }
    case 'ParentsInformed': {
      const { [event.data.regarding]: _closed, ...stillOpen } = state.informParentsOpen;
      return { ...state, informParentsOpen: stillOpen };
    }
    case 'SuspensionBooked': {
      const { measureId, incidentId, schoolId, startsOn, endsOn, bookedAt } = event.data;
      return {
        ...state,
        suspensionBookings: { ...state.suspensionBookings, [measureId]: { measureId, incidentId, schoolId, startsOn, endsOn, bookedAt } },
        bookedMeasureIds: { ...state.bookedMeasureIds, [measureId]: true },
      };
    }
    case 'SuspensionBookingReleased': {
      const { [event.data.measureId]: _released, ...stillCounting } = state.suspensionBookings;
      return { ...state, suspensionBookings: stillCounting };
    }
    default:
      return assertNever(event);
  }
}
