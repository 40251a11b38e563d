// The shapes the citizen pages read from /api/v1/dossiers, as the server's
// route schemas describe them.
import type { LocalText } from '../i18n/i18n';

export interface Attachment {
  id: string;
  documentKey: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: string;
}

export interface Dossier {
  id: string;
  code: string | null;
  procedureId: string;
  status: string;
  statusCode: number | null;
  statusLabel: LocalText;
  formData: Record<string, unknown>;
  submittedAt: string | null;
  receivedAt: string | null;
  appointmentAt: string | null;
  createdAt: string;
  updatedAt: string;
  attachments?: Attachment[];
  rating?: { score: number; comment: string | null; ratedAt: string } | null;
}

export interface DossierEvent {
  seq: number;
  at: string;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
}

/** What each `dossier` event of GET /dossiers/:id/stream carries. */
export interface DossierState {
  status: string;
  statusCode: number | null;
  statusLabel: LocalText;
  updatedAt: string;
  lastEventSeq: number;
}
