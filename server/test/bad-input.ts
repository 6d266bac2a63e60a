/** Payloads every text field must refuse, by the format it declares. */
export const PLAIN_ATTACKS = {
  sql: "' OR '1'='1",
  sqlUnion: "x') UNION SELECT sqlite_version()--",
  xss: '<script>alert(1)</script>',
  xssImg: '<img src=x onerror=alert(1)>',
  fullWidthSql: '＇ＯＲ＇１＇＝＇１',
  zeroWidth: '张\u200b三',
  bidi: '报告\u202Efdp.exe',
  nul: 'a\u0000b',
};

export const TEXT_ATTACKS = {
  xss: '<script>alert(1)</script>',
  xssSvg: '<svg onload=alert(1)>',
  zeroWidth: '举报\u200b内容',
  bom: '\uFEFF内容',
  nul: 'a\u0000b',
};

interface JsonSchema {
  type?: string | string[];
  format?: string;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  items?: JsonSchema;
}

/** A value of the wrong JSON type for a property (a number for a string, a string for a number, ...). */
export function wrongTypeFor(s: JsonSchema): unknown {
  const types = new Set<string>();
  const collect = (x: JsonSchema) => {
    if (x.anyOf) x.anyOf.forEach(collect);
    else if (x.enum || x.const !== undefined) types.add('enum');
    else [x.type ?? 'any'].flat().forEach((t) => types.add(t));
  };
  collect(s);
  if (types.has('any')) return undefined;
  if (!types.has('object')) return { nested: true };
  if (!types.has('string') && !types.has('enum')) return 'not-a-value';
  return 12345;
}

/** The string formats a property accepts (through unions with null), to choose the attack list. */
export function stringFormats(s: JsonSchema): string[] {
  if (s.anyOf) return s.anyOf.flatMap(stringFormats);
  return s.type === 'string' && s.format ? [s.format] : [];
}

export type { JsonSchema };
