import { BadRequestException } from '@nestjs/common';
import type { Request } from 'express';

/** The encodings every analytics answer comes in. */
export const TABULAR_FORMATS = ['json', 'csv', 'arrow'] as const;
export type TabularFormat = (typeof TABULAR_FORMATS)[number];

const ACCEPT: [string, TabularFormat][] = [
  ['text/csv', 'csv'],
  ['application/vnd.apache.arrow.stream', 'arrow'],
];

/** The format a request asks for: `?format=`, else its Accept header, else JSON. */
export function requestedFormat(req: Request): TabularFormat {
  const param = req.query['format'];
  if (typeof param === 'string' && param) {
    if (!(TABULAR_FORMATS as readonly string[]).includes(param))
      throw new BadRequestException({
        field: 'format',
        message: `format is one of ${TABULAR_FORMATS.join(', ')}`,
      });
    return param as TabularFormat;
  }
  const accept = req.headers.accept ?? '';
  return ACCEPT.find(([type]) => accept.includes(type))?.[1] ?? 'json';
}
