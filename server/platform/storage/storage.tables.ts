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
}

export interface StorageTables {
  attachment: AttachmentTable;
}
