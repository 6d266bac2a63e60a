export interface SettingTable {
  tenant_id: string;
  key: string;
  value: string;
  updated_at: string;
  updated_by: string | null;
}

export interface DictItemTable {
  tenant_id: string;
  id: string;
  dict_code: string;
  code: string;
  label_zh: string;
  label_en: string;
  sort: number;
  enabled: 0 | 1;
  builtin: 0 | 1;
}

export interface CalendarOverrideTable {
  tenant_id: string;
  date: string;
  kind: 'workday' | 'holiday';
  note: string;
  updated_at: string;
}

export interface SettingsTables {
  setting: SettingTable;
  dict_item: DictItemTable;
  calendar_override: CalendarOverrideTable;
}
