/** What extraction produces for one document (the types live in core; re-exported for callers). */
import type { BuiltDocument } from '../ingest/document.js';
import type { Extraction } from '../core/doc.js';
export { emptyExtraction, type Extraction, type AgreementEvidenceRow, type ComplianceRow, type FlowEvidenceRow } from '../core/doc.js';

export type Extractor = (doc: BuiltDocument) => Extraction;
