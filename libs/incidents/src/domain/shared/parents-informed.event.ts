export type ParentNotificationChannel = 'letter' | 'e-mail' | 'phone' | 'meeting';

/** Closes an "inform parents" obligation (P2, M2, E2, E3): when, how and by whom. On any pupil stream. */
export interface ParentsInformed {
  readonly type: 'ParentsInformed';
  readonly data: {
    readonly regarding: string;
    readonly closesObligationId: string;
    readonly channel: ParentNotificationChannel;
    readonly informedAt: string;
    readonly informedBy: string;
  };
}
