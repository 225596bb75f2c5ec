import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { UnitDirectoryStore, type UnitDirectoryData } from '@app/units';
import { ApiErrors } from '../http/api-errors';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitDirectoryStore) {}

  /** The whole directory: units with names, aliases, kinds, parents and successors; groups and placeholders. */
  @Get()
  @ApiOperation({ summary: '单位名录' })
  @ApiErrors({})
  getUnitDirectory(): Promise<UnitDirectoryData> {
    return this.units.readData();
  }
}
