import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { ID_PATTERN } from './field-validators';

/** Path ids of people and schools: the api.md id shape, or 400 (no traversal, no injection into stream ids). */
@Injectable()
export class PersonIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!ID_PATTERN.test(value)) throw new BadRequestException({ detail: 'The id in the path must be 1–64 letters, digits, - or _' });
    return value;
  }
}
