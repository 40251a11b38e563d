// Uploads one document with XMLHttpRequest, the only browser API that reports
// upload progress, and answers like the shell's API client (ApiError).
import type { LocalText } from '../i18n/i18n';
import { ApiError, type ErrorDetail } from '../shell/api';
import type { Attachment } from './dossier-types';

const NETWORK: LocalText = {
  vi: 'Mất kết nối khi tải tệp lên. Vui lòng kiểm tra mạng và chọn lại tệp.',
  en: 'The connection dropped during the upload. Check the network and choose the file again.',
};
const UNEXPECTED: LocalText = {
  vi: 'Máy chủ không nhận được tệp. Vui lòng thử lại sau ít phút.',
  en: 'The server could not take the file. Please try again in a few minutes.',
};

export interface Upload {
  done: Promise<Attachment>;
  cancel(): void;
}

export function uploadDocument(
  dossierId: string,
  documentKey: string,
  file: File,
  onProgress: (fraction: number) => void,
): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Attachment>((resolve, reject) => {
    xhr.open(
      'POST',
      `/api/v1/dossiers/${dossierId}/attachments?document=${encodeURIComponent(documentKey)}`,
    );
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) return resolve(xhr.response as Attachment);
      const body = xhr.response as { code?: string; message?: LocalText; details?: ErrorDetail[] };
      reject(
        body?.message?.vi
          ? new ApiError(xhr.status, body.code ?? 'ERROR', body.message, body.details ?? [])
          : new ApiError(xhr.status, 'ERROR', UNEXPECTED),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', NETWORK));
    xhr.onabort = () => reject(new ApiError(0, 'ABORTED', NETWORK));
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
  return { done, cancel: () => xhr.abort() };
}
