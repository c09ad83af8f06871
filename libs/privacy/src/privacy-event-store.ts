import type { AppendOptions, AppendResult, EventStore, NewEvent, ReadAllOptions, ReadStreamOptions, RecordedEvent, StreamAppend } from '@casebook/event-store';
import type { PersonKeyStore } from './keys/person-key-store';
import {
  type PersonalDataDeclaration,
  type PersonalDataDeclarations,
  type SubjectResolver,
  UndeclaredEventTypeError,
} from './sealing/personal-data-declarations';
import { type DataKey, contentKeyFor, sealText } from './sealing/sealed-text';

type Data = Record<string, unknown>;

/** Remembered subjects and derived content keys are dropped beyond this many (they are re-read or re-derived). */
const CACHE_LIMIT = 10_000;

/**
 * The event store as the application writes to it: personal texts are sealed (AES-256-GCM, per-person keys)
 * before the append, so no plain personal text is ever stored, hashed into the audit chain, projected or relayed.
 * Which fields are personal, every event type declares (`declarations`); an event of an undeclared type is refused.
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
    private readonly declarations: PersonalDataDeclarations,
    private readonly subjectsOf: SubjectResolver,
  ) {
    this.kind = inner.kind;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (!events.some((event) => this.hasPersonalData(event))) return this.inner.appendToStream(streamId, events, options);
    const subjects = await this.subjectsFor(streamId, events);
    const sealed = await Promise.all(events.map((event) => this.seal(event, subjects)));
    return this.inner.appendToStream(streamId, sealed, options);
  }

  /** Only for events without personal texts (access-log entries); absent where the inner store has no group append. */
  get appendToNewStreams(): EventStore['appendToNewStreams'] {
    const inner = this.inner.appendToNewStreams?.bind(this.inner);
    if (!inner) return undefined;
    return (appends) => {
      if (appends.some((append) => append.events.some((event) => this.hasPersonalData(event))))
        throw new Error('appendToNewStreams takes no personal texts: use appendToStream');
      return inner(appends);
    };
  }

  /** Each stream's personal texts sealed as appendToStream seals them; absent where the inner store has no such append. */
  get appendToStreams(): EventStore['appendToStreams'] {
    const inner = this.inner.appendToStreams?.bind(this.inner);
    if (!inner) return undefined;
    return async (appends: readonly StreamAppend[]) => {
      const sealed = await Promise.all(
        appends.map(async (append) => {
          if (!append.events.some((event) => this.hasPersonalData(event))) return append;
          const subjects = await this.subjectsFor(append.streamId, append.events);
          return { ...append, events: await Promise.all(append.events.map((event) => this.seal(event, subjects))) };
        }),
      );
      return inner(sealed);
    };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  onAppended(wake: () => void): () => void {
    return this.inner.onAppended(wake);
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

  private declarationOf(event: NewEvent): PersonalDataDeclaration {
    const declaration = this.declarations[event.type];
    if (!declaration) throw new UndeclaredEventTypeError(event.type);
    return declaration;
  }

  private hasPersonalData(event: NewEvent): boolean {
    const { texts, names } = this.declarationOf(event);
    const data = event.data as Data;
    if (texts.some((field) => typeof data[field] === 'string')) return true;
    return names !== undefined && Array.isArray(data[names]) && (data[names] as Data[]).some((person) => typeof person['displayName'] === 'string');
  }

  private async seal(event: NewEvent, subjects: readonly string[]): Promise<NewEvent> {
    if (!this.hasPersonalData(event)) return event;
    const { texts, names } = this.declarationOf(event);
    const data = { ...(event.data as Data) };
    const present = texts.filter((field) => typeof data[field] === 'string');
    if (present.length) {
      const sealer = this.contentKey(await this.keys.keysToSeal([...subjects].sort()));
      for (const field of present) data[field] = sealText(data[field] as string, sealer);
    }
    if (names !== undefined && Array.isArray(data[names])) {
      data[names] = await Promise.all(
        (data[names] as Data[]).map(async (person) =>
          typeof person['displayName'] === 'string'
            ? { ...person, displayName: sealText(person['displayName'], await this.keys.keysToSeal([String(person['personId'])])) }
            : person,
        ),
      );
    }
    return { ...event, data };
  }

  private contentKey(keys: readonly DataKey[]): { readonly refs: string; readonly key: Buffer } {
    const id = keys.map((key) => `${key.personId}.${key.keyId}`).join('+');
    let derived = this.contentKeys.get(id);
    if (!derived) {
      if (this.contentKeys.size > CACHE_LIMIT) this.contentKeys.clear();
      derived = contentKeyFor(keys);
      this.contentKeys.set(id, derived);
    }
    return derived;
  }

  /** Whom the stream's texts are about, from the domain's resolver; remembered in memory (it never changes). */
  private async subjectsFor(streamId: string, events: readonly NewEvent[]): Promise<readonly string[]> {
    const known = this.subjects.get(streamId);
    if (known) return known;
    const subjects = await this.subjectsOf(streamId, events, async (id) => (await this.inner.readStream(id, { maxCount: 1 }))[0]);
    // Fail closed: a personal text with nobody to seal it to is refused rather than stored in clear.
    if (!subjects.length) throw new Error(`No subjects known for ${streamId}: its personal texts cannot be sealed`);
    if (this.subjects.size > CACHE_LIMIT) this.subjects.clear();
    this.subjects.set(streamId, subjects);
    return subjects;
  }
}
