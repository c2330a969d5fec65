import { Module } from '@nestjs/common';
import { RollupsModule } from '../rollups/rollups.module';
import { SettingsController } from './settings.controller';
import { SettingsService } from './settings.service';

@Module({
  imports: [RollupsModule],
  controllers: [SettingsController],
  providers: [SettingsService],
})
export class SettingsModule {}
