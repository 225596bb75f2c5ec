import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { UnitDirectoryStore, type UnitDirectoryData } from '@app/units';
import { ApiErrors } from '../http/api-errors';
import { UnitDirectoryResponse } from '../documents/documents.responses';

@ApiTags('units')
@ApiBearerAuth()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitDirectoryStore) {}

  /** The whole directory: units with names, aliases, kinds, parents and successors; groups and placeholders. */
  @Get()
  @ApiOkResponse({ type: UnitDirectoryResponse })
  @ApiOperation({ summary: '单位名录' })
  @ApiErrors({})
  getUnitDirectory(): Promise<UnitDirectoryData> {
    return this.units.readData();
  }
}
