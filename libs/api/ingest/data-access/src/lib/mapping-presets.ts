import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IngestKind, IngestMapping } from '@returnlens/shared/contracts';
import { MappingPresetError } from '@returnlens/api/ingest/util';
import { DEFAULT_SHOP_ID } from '@returnlens/api/shared/util';

/** Saved mappings of a shop's exports, by name. */
@Injectable()
export class MappingPresets {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(): Promise<{ name: string; kind: IngestKind; mapping: IngestMapping; updatedAt: Date }[]> {
    return this.db.query(
      'SELECT name, kind, mapping, updated_at AS "updatedAt" FROM mapping_presets WHERE shop_id = $1 ORDER BY name',
      [DEFAULT_SHOP_ID],
    );
  }

  /** The preset's mapping; a clear error when there is none of that name or it is for another kind. */
  async mappingFor(name: string, kind: IngestKind): Promise<IngestMapping> {
    const [preset] = await this.db.query<{ kind: string; mapping: IngestMapping }[]>(
      'SELECT kind, mapping FROM mapping_presets WHERE shop_id = $1 AND name = $2',
      [DEFAULT_SHOP_ID, name],
    );
    if (!preset) throw new MappingPresetError(`There is no mapping preset named "${name}".`);
    if (preset.kind !== kind) {
      throw new MappingPresetError(`Mapping preset "${name}" is for ${preset.kind}, not ${kind}.`);
    }
    return preset.mapping;
  }

  async save(name: string, kind: IngestKind, mapping: IngestMapping): Promise<void> {
    await this.db.query(
      `INSERT INTO mapping_presets (shop_id, name, kind, mapping) VALUES ($1, $2, $3, $4)
       ON CONFLICT (shop_id, name) DO UPDATE SET kind = EXCLUDED.kind, mapping = EXCLUDED.mapping, updated_at = now()`,
      [DEFAULT_SHOP_ID, name, kind, JSON.stringify(mapping)],
    );
  }
}
