import { http } from './http';
import type { Attachment } from './types';

/** Uploads become drafts that a record claims when it is saved; downloads carry the session cookie. */
export const attachmentsApi = {
  upload: (file: File) => http.upload<Attachment>('/api/attachments', file),
  download: (id: string, name: string) => http.download(`/api/attachments/${id}`, undefined, name),
  /** Drops a draft nothing claimed (e.g. the rest of a batch failed); claimed files cannot be discarded. */
  discard: (id: string) => http.del<{ ok: true }>(`/api/attachments/${id}`),
};
