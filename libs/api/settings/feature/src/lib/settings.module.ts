import { Module } from '@nestjs/common';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { SettingsController } from './settings.controller';
import { SettingsService, TaxonomyService } from '@returnlens/api/settings/data-access';
import { TaxonomyController } from './taxonomy.controller';

@Module({
  imports: [RollupsModule],
  controllers: [SettingsController, TaxonomyController],
  providers: [SettingsService, TaxonomyService],
})
export class SettingsModule {}
