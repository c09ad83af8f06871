import { describeOnServerStore } from './support/api-harness';

// S10 (domain.md revision 2; api.md "New commands"): consulting the manager is diligence, not misconduct — recorded
// without a case, on the staff member's own record, and shown in the personnel file. Before, it existed only inside a
// misconduct case.
describeOnServerStore('manager consultations without a case (S10)', (api) => {
  it('lets the staff member record it, shows it in the personnel file, and refuses another teacher, nothing appended', async () => {
    const self = await api.token('staff-s10', ['teacher'], ['school-1']);
    const other = await api.token('staff-s10-other', ['teacher'], ['school-1']);
    const hr = await api.token('hr-1', ['hr'], []);
    const body = { consultedAt: '2026-11-05T15:00:00+01:00', summary: 'May I post about the school trip on my own account?', managerId: 'staff-dir-1' };

    const recorded = await api.post('/staff/staff-s10/manager-consultations', body, self);
    expect(recorded.statusCode).toBe(201);
    expect(recorded.json()).toMatchObject({ id: expect.any(String), staffId: 'staff-s10', revision: 0 });
    const file = (await api.get(`/staff/staff-s10/personnel-file?waitForPosition=${recorded.json().position}`, hr)).json();
    expect(file).toMatchObject({
      staffId: 'staff-s10',
      cases: [],
      managerConsultations: [{ consultationId: recorded.json().id, managerId: 'staff-dir-1', incidentId: null }],
    });

    for (const [bearer, payload, status] of [
      [other, body, 403],
      [self, { ...body, summary: '' }, 400],
      [self, { ...body, consultedAt: 'tomorrow' }, 400],
      [self, { ...body, consultedAt: new Date(Date.now() + 3_600_000).toISOString() }, 409],
    ] as const) {
      const before = await api.eventCount();
      const refused = await api.post('/staff/staff-s10/manager-consultations', payload, bearer);
      expect(refused.statusCode).toBe(status);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect(await api.eventCount()).toBe(before);
    }
    const director = await api.token('staff-dir-1', ['director'], ['school-1']);
    expect((await api.post('/staff/staff-s10/manager-consultations', { ...body, summary: "Discussed a parent's message" }, director)).statusCode).toBe(201);
  });
});
