/**
 * The case number (domain.md "case number"): `<year>-<sequence>` per board, gap-free in the order cases were
 * numbered. The year's counter is a stream (`case-numbers-<year>`) whose n-th event gives number n: the store's
 * revision check makes two reports at once n and n+1, never both n, and only a case that exists gets one.
 */
export interface CaseNumberAssigned {
  readonly type: 'CaseNumberAssigned';
  readonly data: {
    readonly incidentId: string;
    readonly caseKind: 'pupil-incident' | 'staff-misconduct';
    readonly year: number;
    readonly sequence: number;
    readonly caseNumber: string;
  };
}

export type CaseNumberEvent = CaseNumberAssigned;
