/** What extraction produces for one document. */
import type { Actor, EventRecord, Mention } from '../core/types.js';
import type { BuiltDocument } from '../ingest/document.js';
import type { AgreementEvidenceRow, ComplianceRow, FlowEvidenceRow } from './analysis.js';
import type { ClaimRecord } from '../core/types.js';

export interface Extraction {
  actors: Actor[];
  mentions: Mention[];
  events: EventRecord[];
  claims: ClaimRecord[];
  flows: FlowEvidenceRow[];
  agreements: AgreementEvidenceRow[];
  compliance: ComplianceRow[];
}

export type Extractor = (doc: BuiltDocument) => Extraction;

export function emptyExtraction(): Extraction {
  return { actors: [], mentions: [], events: [], claims: [], flows: [], agreements: [], compliance: [] };
}
