export interface NotificationTable {
  tenant_id: string;
  id: string;
  user_id: string;
  kind: string;
  /** JSON parameters for the web's translation of `kind`. */
  params: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface NotifyTables {
  notification: NotificationTable;
}
