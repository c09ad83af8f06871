import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids the server made (incidents, decisions, custodies) are UUIDs (api.md); anything else is 400, never a lookup. */
@Injectable()
export class UuidPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!UUID.test(value)) throw new BadRequestException({ detail: 'The id in the path must be a UUID this API gave' });
    return value.toLowerCase();
  }
}
