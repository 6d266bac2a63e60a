export interface AttachmentTable {
  tenant_id: string;
  id: string;
  sm3: string;
  size: number;
  mime: string;
  name: string;
  storage_key: string;
  owner_type: string;
  owner_id: string | null;
  created_by: string | null;
  created_at: string;
  /** 1 when the stored bytes are an SM4 envelope (bound to the attachment id), decrypted on download. */
  encrypted: 0 | 1;
}

export interface StorageTables {
  attachment: AttachmentTable;
}
