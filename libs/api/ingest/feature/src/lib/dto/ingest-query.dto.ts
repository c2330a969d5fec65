import { IsIn, IsObject, IsOptional, IsString, Matches } from 'class-validator';
import { INGEST_KINDS, type IngestMapping } from '@returnlens/shared/contracts';

export class IngestQueryDto {
  /** Name of a saved mapping preset. */
  @IsOptional()
  @IsString()
  preset?: string;

  @IsOptional()
  @IsIn(['true', 'false'], { message: 'dryRun must be true or false' })
  dryRun?: string;

  /** Declared text encoding of a CSV, e.g. windows-1251 (default: detected). */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{2,30}$/, {
    message: 'encoding must be a name such as utf-8 or windows-1251',
  })
  encoding?: string;

  /** `,` `;` `|` or `tab` (default: detected from the header line). */
  @IsOptional()
  @IsIn([',', ';', '|', 'tab'], { message: 'delimiter must be one of , ; | tab' })
  delimiter?: string;
}

export class MappingPresetDto {
  @IsIn(INGEST_KINDS as unknown as string[], {
    message: `kind must be one of ${INGEST_KINDS.join(', ')}`,
  })
  kind!: string;

  @IsObject({ message: 'mapping must be an object with "columns"' })
  mapping!: IngestMapping;
}
