import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { ComplaintToClue, RegisterClue } from '../../../../../contracts/clues';
import { blankRegister, complaintToClueBody, registerBody, type RegisterForm } from './clue-form';

const ORG = '0190a5a0-0000-7000-8000-000000000010';
const PERSON = '0190a5a0-0000-7000-8000-000000000020';

const filled = (over: Partial<RegisterForm> = {}): RegisterForm => ({
  ...blankRegister('2026-03-02'),
  source: 'letter',
  reportedPersonId: PERSON,
  reportedOrgId: ORG,
  reportedLevel: 'section',
  category: 'integrity',
  summary: ' 违规收受礼金 ',
  content: '2026 年春节期间收受管理对象礼金。',
  ...over,
});

describe('clue form bodies', () => {
  it('send no reporter for an anonymous clue, even when a name was typed before 匿名 was chosen', () => {
    const body = registerBody(filled({ named: false, reporterName: '张三', reporterMobile: '13800000000' }));
    expect(body).not.toHaveProperty('reporter');
    expect(body.summary).toBe('违规收受礼金');
    expect(Value.Check(RegisterClue, body)).toBe(true);
  });

  it('send the named reporter with only the contact fields given', () => {
    const body = registerBody(filled({ named: true, reporterName: ' 张三 ', reporterMobile: '', reporterUnit: '闸站管理所' }));
    expect(body.reporter).toEqual({ name: '张三', unit: '闸站管理所' });
    expect(Value.Check(RegisterClue, body)).toBe(true);
  });

  it('send exactly one of directory person and typed name', () => {
    const typed = registerBody(filled({ reportedFree: true, reportedName: ' 李四 ' }));
    expect(typed).toMatchObject({ reportedName: '李四' });
    expect(typed).not.toHaveProperty('reportedPersonId');
    const picked = registerBody(filled({ reportedName: '李四' }));
    expect(picked).toMatchObject({ reportedPersonId: PERSON });
    expect(picked).not.toHaveProperty('reportedName');
  });

  it('build a conversion body the contract accepts', () => {
    const body = complaintToClueBody({ reportedFree: true, reportedPersonId: null, reportedName: '王五', reportedOrgId: ORG, reportedLevel: 'below', category: 'mass', summary: '吃拿卡要' });
    expect(Value.Check(ComplaintToClue, body)).toBe(true);
  });
});
