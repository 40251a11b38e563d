// The shapes read from /api/v1/dossiers, as the server's route schemas
// describe them; the officer pages use them too.
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
  agencyId: string;
  applicantId: string;
  channel: 1 | 2 | 3;
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
  actorId: string | null;
  actorRole: string | null;
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string | null;
  elementId: string | null;
}

/** What each `dossier` event of GET /dossiers/:id/stream carries. */
export interface DossierState {
  status: string;
  statusCode: number | null;
  statusLabel: LocalText;
  updatedAt: string;
  lastEventSeq: number;
}
