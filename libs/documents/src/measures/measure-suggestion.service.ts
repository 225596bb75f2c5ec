import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '@app/common';
import { MeasureSimilarityIndex, type SuggestionSourceMeasure, type UnitSuggestion } from '../suggestions';
import { DocumentQueries } from './document-queries.service';

export interface MeasureSuggestions {
  measureId: string;
  suggestions: (UnitSuggestion & { fullName: string })[];
}

/** Suggests units for a measure from the most similar measures, in any imported document, that name theirs. */
@Injectable()
export class MeasureSuggestionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: DocumentQueries,
  ) {}

  async suggest(measureId: string, limit = 5): Promise<MeasureSuggestions> {
    const measure = await this.queries.getMeasure(measureId);
    const index = new MeasureSimilarityIndex(await this.sources(measureId));
    const suggestions = index.suggestUnits({ title: measure.title, text: measure.text }, { limit });
    const names = await this.unitNames(suggestions.map((suggestion) => suggestion.unitCode));
    return {
      measureId,
      suggestions: suggestions.map((suggestion) => ({
        ...suggestion,
        fullName: names.get(suggestion.unitCode) ?? suggestion.unitCode,
      })),
    };
  }

  /** The top suggestion as lead and the other suggested units as co-responsible: what "accept" assigns. */
  async proposal(measureId: string): Promise<{ leadUnitCode: string; coUnitCodes: string[] }> {
    const { suggestions } = await this.suggest(measureId);
    const lead = suggestions.find((suggestion) => suggestion.role === 'lead') ?? suggestions[0];
    if (!lead)
      throw new DomainError('conflict', 'NO_SUGGESTION', '没有足够相似的已定责措施，无法给出建议，请手工指定责任单位', {
        field: 'measureId',
      });
    return {
      leadUnitCode: lead.unitCode,
      coUnitCodes: suggestions.filter((suggestion) => suggestion !== lead).map((suggestion) => suggestion.unitCode),
    };
  }

  private async sources(excludedMeasureId: string): Promise<SuggestionSourceMeasure[]> {
    const rows: {
      measureId: string;
      documentLabel: string;
      path: string;
      title: string;
      text: string;
      codes: string[];
    }[] = await this.dataSource.query(
      `SELECT m.id AS "measureId", COALESCE(d.doc_number, d.title) AS "documentLabel", m.path, m.title, m.text,
              array_agg(mu.unit_code ORDER BY mu.position) AS codes
       FROM measures m JOIN documents d ON d.id = m.document_id JOIN measure_units mu ON mu.measure_id = m.id
       WHERE m.removed_in_revision IS NULL AND m.id <> $1
       GROUP BY m.id, d.doc_number, d.title`,
      [excludedMeasureId],
    );
    return rows.map(({ codes, ...row }) => ({ ...row, leadUnitCode: codes[0], coUnitCodes: codes.slice(1) }));
  }

  private async unitNames(codes: string[]): Promise<Map<string, string>> {
    if (codes.length === 0) return new Map();
    const rows: { code: string; fullName: string }[] = await this.dataSource.query(
      `SELECT code, full_name AS "fullName" FROM units WHERE code = ANY($1)`,
      [codes],
    );
    return new Map(rows.map((row) => [row.code, row.fullName]));
  }
}
