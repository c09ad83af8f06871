import { checkReadiness } from './health-indicator';

describe('readiness', () => {
  it('is ready when every dependency is up or disabled', async () => {
    const report = await checkReadiness([
      { name: 'database', check: async () => ({ status: 'up' }) },
      { name: 'kafka', check: async () => ({ status: 'disabled' }) },
    ]);
    expect(report.status).toBe('ready');
  });

  it('is not ready when a dependency fails, throws or hangs, and says which', async () => {
    const report = await checkReadiness(
      [
        { name: 'database', check: async () => ({ status: 'up' }) },
        { name: 'eventStore', check: async () => Promise.reject(new Error('connection refused')) },
        { name: 'kafka', check: () => new Promise(() => undefined) },
      ],
      50,
    );
    expect(report.status).toBe('not-ready');
    expect(report.dependencies['eventStore']).toEqual({ status: 'down', detail: 'Error: connection refused' });
    expect(report.dependencies['kafka']).toMatchObject({ status: 'down', detail: 'no answer within 50 ms' });
  });
});
