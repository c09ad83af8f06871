import { describeEventStoreContract } from '@casebook/event-store/testing';
import { describeWithService } from '@casebook/testing';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

// EventStoreDB / KurrentDB at EVENTSTORE_CONNECTION_STRING. No server can run on our machines, so this suite
// runs only where one is configured (for example with infra/docker-compose.yml). It is never mocked.
describeWithService('eventstoredb', 'EventStoreDB event store', (connectionString) => {
  describeEventStoreContract(async () => {
    const store = EventStoreDbEventStore.connect(connectionString, { pollIntervalMs: 50 });
    return { store, cleanup: () => store.close() };
  });
});
