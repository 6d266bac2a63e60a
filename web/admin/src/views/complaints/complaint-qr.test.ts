import { describe, expect, it } from 'vitest';
import { complaintFormLink, qrFileName } from './complaint-qr';

describe('complaint QR code', () => {
  it('links to the portal form with the org named in the query, absolute for a phone elsewhere', () => {
    const link = complaintFormLink('https://qf.example.cn', '01966a3e-0000-7000-8000-000000000001');
    expect(link).toBe('https://qf.example.cn/portal/complaint?org=01966a3e-0000-7000-8000-000000000001');
    expect(new URL(link).searchParams.get('org')).toBe('01966a3e-0000-7000-8000-000000000001');
  });

  it('escapes what would break the query', () => {
    expect(new URL(complaintFormLink('http://h', 'a&b=c')).searchParams.get('org')).toBe('a&b=c');
  });

  it('names the picture after the org without characters a file system refuses', () => {
    expect(qrFileName('投诉二维码', '闸站管理所党支部')).toBe('投诉二维码-闸站管理所党支部.png');
    expect(qrFileName('complaint-qr', 'A/B: "C"\u0007')).toBe('complaint-qr-A_B_ _C_.png');
    expect(qrFileName('complaint-qr', '  ')).toBe('complaint-qr-org.png');
  });
});
