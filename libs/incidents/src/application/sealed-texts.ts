/**
 * Opens sealed texts for the write side where it must compare them (the directory import, a pupil's age): the
 * runtime's reveal. An erased person's texts come back as `erasedText`.
 */
export interface SealedTexts {
  open<T>(value: T): Promise<T>;
  readonly erasedText: string;
}
