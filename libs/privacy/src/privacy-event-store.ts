import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, SubscribeOptions, Subscription } from '@casebook/event-store';
import type { PersonKeyStore } from './keys/person-key-store';
import { NAMED_PEOPLE_EVENTS, PERSONAL_TEXTS } from './sealing/personal-fields';
import { type DataKey, contentKeyFor, sealText } from './sealing/sealed-text';

type Data = Record<string, unknown>;

/**
 * The event store as the application writes to it: personal texts are sealed (AES-256-GCM, per-person keys)
 * before the append, so no plain personal text is ever stored, hashed into the audit chain, projected or relayed.
 * Reads pass through unchanged (sealed); whoever shows a text to a person opens it (PersonalDataReveal).
 */
export class PrivacyEventStore implements EventStore {
  readonly kind: EventStore['kind'];
  private readonly subjects = new Map<string, readonly string[]>();
  /** Derived content keys by key references: HKDF is half the cost of sealing a text (its keys change only on a forget). */
  private readonly contentKeys = new Map<string, { readonly refs: string; readonly key: Buffer }>();

  constructor(
    private readonly inner: EventStore,
    private readonly keys: PersonKeyStore,
  ) {
    this.kind = inner.kind;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (!events.some((event) => hasPersonalData(event))) return this.inner.appendToStream(streamId, events, options);
    const subjects = await this.subjectsFor(streamId, events);
    const sealed = await Promise.all(events.map((event) => this.seal(event, subjects)));
    return this.inner.appendToStream(streamId, sealed, options);
  }

  /** Only for events without personal texts (access-log entries); absent where the inner store has no group append. */
  get appendToNewStreams(): EventStore['appendToNewStreams'] {
    const inner = this.inner.appendToNewStreams?.bind(this.inner);
    if (!inner) return undefined;
    return (appends) => {
      if (appends.some((append) => append.events.some(hasPersonalData))) throw new Error('appendToNewStreams takes no personal texts: use appendToStream');
      return inner(appends);
    };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribe(options: SubscribeOptions): Subscription {
    return this.inner.subscribe(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async seal(event: NewEvent, subjects: readonly string[]): Promise<NewEvent> {
    if (!hasPersonalData(event)) return event;
    const data = { ...(event.data as Data) };
    const texts = (PERSONAL_TEXTS[event.type] ?? []).filter((field) => typeof data[field] === 'string');
    if (texts.length) {
      const sealer = this.contentKey(await this.keys.keysToSeal([...subjects].sort()));
      for (const field of texts) data[field] = sealText(data[field] as string, sealer);
    }
    if (NAMED_PEOPLE_EVENTS.has(event.type) && Array.isArray(data['involved'])) {
      data['involved'] = await Promise.all(
        (data['involved'] as Data[]).map(async (person) =>
          typeof person['displayName'] === 'string' ? { ...person, displayName: sealText(person['displayName'], await this.keys.keysToSeal([String(person['personId'])])) } : person,
        ),
      );
    }
    return { ...event, data };
  }

  private contentKey(keys: readonly DataKey[]): { readonly refs: string; readonly key: Buffer } {
    const id = keys.map((key) => `${key.personId}.${key.keyId}`).join('+');
    let derived = this.contentKeys.get(id);
    if (!derived) {
      if (this.contentKeys.size > 10_000) this.contentKeys.clear();
      derived = contentKeyFor(keys);
      this.contentKeys.set(id, derived);
    }
    return derived;
  }

  /**
   * Whom a stream's texts are about: the people involved in a case as reported (its first event); for a
   * criminal-report decision, those of its source case; for a pupil's conduct or consent stream, the pupil. Read
   * from the streams themselves (ids are in clear) and remembered in memory: they never change.
   */
  private async subjectsFor(streamId: string, events: readonly NewEvent[]): Promise<readonly string[]> {
    const known = this.subjects.get(streamId);
    if (known) return known;
    const pupil = /^(?:pupil-conduct|pupil-consent)-(.+)$/.exec(streamId)?.[1];
    const opening = events.find((event) => event.type === 'IncidentReported' || event.type === 'CriminalReportDecisionOpened');
    const first = pupil ? undefined : (opening ?? (await this.inner.readStream(streamId, { maxCount: 1 }))[0]);
    const subjects = pupil ? [pupil] : first ? await this.subjectsNamedBy(first) : [];
    // Fail closed: a personal text with nobody to seal it to is refused rather than stored in clear.
    if (!subjects.length) throw new Error(`No subjects known for ${streamId}: its personal texts cannot be sealed`);
    if (this.subjects.size > 10_000) this.subjects.clear();
    this.subjects.set(streamId, subjects);
    return subjects;
  }

  private async subjectsNamedBy(first: { readonly type: string; readonly data: unknown }): Promise<readonly string[]> {
    const data = first.data as Data;
    if (first.type === 'IncidentReported') return ((data['involved'] as Data[] | undefined) ?? []).map((person) => String(person['personId']));
    if (first.type === 'CriminalReportDecisionOpened') {
      const source = `${String(data['sourceKind'])}-${String(data['sourceIncidentId'])}`;
      const [reported] = await this.inner.readStream(source, { maxCount: 1 });
      return reported ? this.subjectsNamedBy(reported) : [];
    }
    return [];
  }
}

function hasPersonalData(event: NewEvent): boolean {
  const data = event.data as Data;
  if ((PERSONAL_TEXTS[event.type] ?? []).some((field) => typeof data[field] === 'string')) return true;
  return NAMED_PEOPLE_EVENTS.has(event.type) && Array.isArray(data['involved']) && (data['involved'] as Data[]).some((person) => typeof person['displayName'] === 'string');
}
