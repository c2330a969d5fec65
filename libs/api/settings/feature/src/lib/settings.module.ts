import { Module } from '@nestjs/common';
import { RollupsModule } from '@returnlens/api/rollups/data-access';
import { SettingsController } from './settings.controller';
import { SettingsService } from '@returnlens/api/settings/data-access';

@Module({
  imports: [RollupsModule],
  controllers: [SettingsController],
  providers: [SettingsService],
})
export class SettingsModule {}
