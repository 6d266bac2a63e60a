import { Type, type Static } from 'typebox';
import { Body, Code, DateOnly, Id, Plain, Timestamp } from './common.js';

export const SettingItem = Type.Object({
  key: Type.String(),
  kind: Type.Enum(['system', 'security'] as const),
  value: Type.Unknown(),
  defaultValue: Type.Unknown(),
});
export const SettingList = Type.Object({ items: Type.Array(SettingItem) });
export const UpdateSetting = Body({ value: Type.Unknown() });
export const SettingKeyParams = Type.Object({ key: Type.String({ pattern: '^[a-z][A-Za-z0-9.]{0,79}$', maxLength: 80 }) }, { additionalProperties: false });

export const DictItem = Type.Object({
  id: Id,
  dictCode: Type.String(),
  code: Type.String(),
  labelZh: Type.String(),
  labelEn: Type.String(),
  sort: Type.Integer(),
  enabled: Type.Boolean(),
  builtin: Type.Boolean(),
});
export type DictItem = Static<typeof DictItem>;
export const DictList = Type.Object({ items: Type.Array(DictItem) });
export const DictQuery = Type.Object({ dictCode: Type.Optional(Code) }, { additionalProperties: false });

export const CreateDictItem = Body({
  dictCode: Code,
  code: Code,
  labelZh: Plain({ maxLength: 40 }),
  labelEn: Plain({ maxLength: 80 }),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  enabled: Type.Optional(Type.Boolean()),
});
export type CreateDictItem = Static<typeof CreateDictItem>;

export const UpdateDictItem = Body({
  labelZh: Type.Optional(Plain({ maxLength: 40 })),
  labelEn: Type.Optional(Plain({ maxLength: 80 })),
  sort: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  enabled: Type.Optional(Type.Boolean()),
});
export type UpdateDictItem = Static<typeof UpdateDictItem>;

/** One calendar day as deadlines see it: national data with the tenant's overrides applied. */
export const CalendarDay = Type.Object({
  date: DateOnly,
  working: Type.Boolean(),
  source: Type.Enum(['weekday', 'weekend', 'holiday', 'makeup', 'override'] as const),
  note: Type.String(),
});
export const CalendarYear = Type.Object({ year: Type.Integer(), days: Type.Array(CalendarDay) });
export const CalendarYearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2100 }) }, { additionalProperties: false });
/** Holiday names come from the national data in both languages; `lang` picks one. */
export const CalendarYearQuery = Type.Object({ lang: Type.Optional(Type.Enum(['zh-CN', 'en-US'] as const)) }, { additionalProperties: false });

export const CalendarOverride = Type.Object({ date: DateOnly, kind: Type.Enum(['workday', 'holiday'] as const), note: Type.String(), updatedAt: Timestamp });
export const CalendarOverrideList = Type.Object({ items: Type.Array(CalendarOverride) });
export const PutCalendarOverride = Body({ kind: Type.Enum(['workday', 'holiday'] as const), note: Plain({ maxLength: 60 }) });
export const DateParams = Type.Object({ date: DateOnly }, { additionalProperties: false });

export const Notification = Type.Object({
  id: Id,
  kind: Type.String(),
  params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  link: Type.Union([Type.String(), Type.Null()]),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});
export type Notification = Static<typeof Notification>;
export const NotificationQuery = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })), unread: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const NotificationPage = Type.Object({ items: Type.Array(Notification), total: Type.Integer(), unread: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
export const UnreadCount = Type.Object({ unread: Type.Integer() });
export const NotificationsMarked = Type.Object({ marked: Type.Integer() });

export const Attachment = Type.Object({
  id: Id,
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  sm3: Type.String(),
  createdAt: Timestamp,
});
export type Attachment = Static<typeof Attachment>;

export const Job = Type.Object({
  id: Id,
  kind: Type.String(),
  status: Type.Enum(['queued', 'running', 'done', 'failed'] as const),
  runAt: Timestamp,
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  finishedAt: Type.Union([Timestamp, Type.Null()]),
});
export const JobQuery = Type.Object(
  { status: Type.Optional(Type.Enum(['queued', 'running', 'done', 'failed'] as const)), page: Type.Optional(Type.Integer({ minimum: 1 })), pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
  { additionalProperties: false },
);
export const JobPage = Type.Object({ items: Type.Array(Job), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() });
