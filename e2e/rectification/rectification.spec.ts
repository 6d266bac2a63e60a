import ExcelJS from 'exceljs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, json, orgByName } from '../support/api.js';
import { uniqueTag } from '../support/accounts.js';
import { download, sheetRows } from '../support/files.js';
import { expectToast, openMenu, rows, shot, signInHome, signOut } from '../support/ui.js';
import { peopleOf, personOfAccount, photoPng } from '../inspections/inspection-helpers.js';

interface Item {
  id: string;
  code: string;
  status: string;
  dueDate: string;
  measures: { id: string }[];
}

/** An item of 办公室 registered through the API, as another source (a 生活会, a 巡察) would feed it. */
async function registerItem(api: APIRequestContext, title: string, ownerId: string): Promise<Item> {
  const org = await orgByName(api, '办公室');
  return json<Item>(
    api.post('/api/rectification', {
      data: {
        sourceType: 'life_meeting', sourceLabel: '2026 年度民主生活会', title, problem: '会议室使用登记不全，个别会议未留存签到表', orgId: org.id, ownerId, days: 10,
        measures: [{ description: '补齐会议室使用登记和签到表', ownerId }],
      },
    }),
  );
}

test('导入问题清单: a 巡察 feedback list with bad rows stores nothing and names them; the fixed list fills the ledger', async ({ page, baseURL }, testInfo) => {
  const tag = uniqueTag();
  const jijian = await apiAs(baseURL!, 'jijian');
  const [a, b, c] = await peopleOf(jijian, '办公室');
  const leaders = await json<{ items: { personName: string }[] }>(jijian.get('/api/leaders'));
  await jijian.dispose();
  const leader = leaders.items[1]!.personName;
  const inSixtyDays = new Date(Date.now() + 60 * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  const problems = [
    ['公务接待审批单填写不完整', '2025 年 4 次公务接待审批单缺少陪餐人数', '制度执行不严', '完善接待审批单并逐单复核', '办公室', leader, a!.name, '20', '巡察/审计反馈', `局党委第二巡察组反馈${tag.chinese}`],
    ['固定资产账实不符', '抽盘 30 件资产有 3 件未入账', '资产管理责任不清', '全面清查资产并补登台账', '财务股', '', b!.name, '30', '', `局党委第二巡察组反馈${tag.chinese}`],
    ['干部档案材料归档不及时', '12 份年度考核表未归档', '', '限期归档并建立季度检查', '人事股', leader, c!.name, inSixtyDays, '', `局党委第二巡察组反馈${tag.chinese}`],
    ['工程变更签证手续不全', '2 项设计变更无监理签字', '', '补办签证，修订变更管理办法', '不存在的单位', '', a!.name, '15', '', `局党委第二巡察组反馈${tag.chinese}`],
    ['采购询价记录缺失', '3 次零星采购无询价记录', '', '补充询价记录并公示', '设备维护股', '', b!.name, '0', '', `局党委第二巡察组反馈${tag.chinese}`],
  ].map((r, i) => [`${r[0]}${tag.chinese}${i + 1}`, ...r.slice(1)]);

  await signInHome(page, 'jijian');
  await openMenu(page, 'rectification');
  await page.locator('[data-test=rectification-import]').click();
  const dialog = page.locator('[data-test=rectification-import-dialog]');
  const template = await download(page, dialog.locator('[data-test=rectification-import-template]'), 'xlsx');
  expect((await sheetRows(template))[0]).toEqual(['问题标题', '问题描述', '原因分析', '整改措施', '责任单位', '责任领导', '责任人', '整改时限（工作日或日期）', '问题来源', '来源说明']);

  async function fill(file: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await template.path());
    const ws = wb.worksheets[0]!;
    for (const r of problems) ws.addRow(r);
    const out = testInfo.outputPath(file);
    await wb.xlsx.writeFile(out);
    return out;
  }

  const upload = dialog.locator('[data-test=rectification-import-upload] input[type=file]');
  await upload.setInputFiles(await fill('problems-bad.xlsx'));
  await dialog.locator('[data-test=rectification-import-confirm]').click();
  const report = dialog.locator('[data-test=rectification-import-report]');
  await expect(report).toContainText('校验未通过，共发现 2 处问题');
  const lines = report.locator('.el-table__body-wrapper tr');
  await expect(lines).toHaveCount(2);
  await expect(lines.nth(0).locator('td').first()).toHaveText('5');
  await expect(lines.nth(0)).toContainText('找不到对应的单位、人员或班子成员');
  await expect(lines.nth(1).locator('td').first()).toHaveText('6');
  await expect(lines.nth(1)).toContainText('整改时限');
  await shot(page, 'rectification-import-report');

  problems[3]![4] = '工程管理股';
  problems[4]![7] = '15';
  await dialog.locator('.el-upload-list__item').hover();
  await dialog.locator('.el-upload-list__item .el-icon--close').click();
  await upload.setInputFiles(await fill('problems-fixed.xlsx'));
  await dialog.locator('[data-test=rectification-import-confirm]').click();
  await expectToast(page, '成功导入 5 个整改事项');
  await expect(dialog).toBeHidden();

  await page.locator('[data-test=rectification-search-q]').fill(tag.chinese);
  await page.locator('[data-test=rectification-search-submit]').click();
  const ledger = rows(page, 'rectification-table');
  await expect(ledger).toHaveCount(5);
  await expect(ledger.filter({ hasText: problems[0]![0]! })).toContainText('巡察/审计反馈');
  await expect(ledger.filter({ hasText: problems[2]![0]! })).toContainText(inSixtyDays);
  await shot(page, 'rectification-ledger');

});

test('延期: the owner asks for more time with a reason, a verifier approves it and the due date moves', async ({ page, baseURL }) => {
  const tag = uniqueTag();
  const jijian = await apiAs(baseURL!, 'jijian');
  const staff = await apiAs(baseURL!, 'staff');
  const owner = await personOfAccount(jijian, staff);
  const item = await registerItem(jijian, `会议签到不全${tag.chinese}`, owner.id);
  await Promise.all([jijian.dispose(), staff.dispose()]);

  await signInHome(page, 'staff');
  await page.goto(`/rectification/${item.id}`);
  await page.locator('[data-test=rectification-action-request_extension]').click();
  await page.locator('[data-test=extension-days] input').fill('5');
  await page.locator('[data-test=extension-note]').fill('档案室搬迁，签到表原件需从库房调取');
  await page.locator('[data-test=extension-confirm]').click();
  await expect(rows(page, 'extension-table')).toHaveCount(1);
  await expect(rows(page, 'extension-table').first()).toContainText('档案室搬迁');
  await expect(page.locator('[data-test=extension-decide]'), 'nobody decides their own request').toHaveCount(0);
  await signOut(page);

  await signInHome(page, 'jijian');
  await page.goto(`/rectification/${item.id}`);
  await page.locator('[data-test=extension-decide]').click();
  const decision = page.locator('[data-test=extension-decision-dialog]');
  await decision.locator('[data-test=extension-decision-note]').fill('理由充分，同意延期');
  await shot(page, 'rectification-extension');
  await decision.locator('[data-test=extension-approve]').click();
  await expect(decision).toBeHidden();
  await expect(page.locator('[data-test=rectification-due]')).not.toHaveText(item.dueDate);
  await expect(page.locator('[data-test=timeline-extension_approved]')).toBeVisible();
});

test('验收分离: an owner who holds the verify permission still gets no verify button on their own item, and the API refuses them', async ({ page, baseURL }) => {
  const tag = uniqueTag();
  const jijian = await apiAs(baseURL!, 'jijian');
  const secretary = await apiAs(baseURL!, 'secretary');
  const me = await json<{ permissions: string[] }>(secretary.get('/api/auth/me'));
  expect(me.permissions).toContain('rectification:verify');
  const owner = await personOfAccount(jijian, secretary);
  const item = await registerItem(jijian, `书记本人整改事项${tag.chinese}`, owner.id);
  const base = `/api/rectification/${item.id}`;
  await json(secretary.post(`${base}/start`, { data: {} }));
  const file = await json<{ id: string }>(secretary.post('/api/attachments', { multipart: { file: { name: '签到表.png', mimeType: 'image/png', buffer: photoPng() } } }));
  await json(secretary.post(`${base}/measures/${item.measures[0]!.id}/evidence`, { data: { attachmentIds: [file.id] } }));
  await json(secretary.patch(`${base}/measures/${item.measures[0]!.id}`, { data: { status: 'done' } }));
  await json(secretary.post(`${base}/submit`, { data: {} }));
  const refused = await secretary.post(`${base}/verify`, { data: { pass: true } });
  expect(refused.status()).toBe(403);
  await Promise.all([jijian.dispose(), secretary.dispose()]);

  await signInHome(page, 'secretary');
  await page.goto(`/rectification/${item.id}`);
  await expect(page.locator('[data-test=rectification-status]')).toHaveText('待验证');
  await expect(page.locator('[data-test=rectification-owner-notice]')).toBeVisible();
  await expect(page.locator('[data-test=verify-pass]')).toHaveCount(0);
  await expect(page.locator('[data-test=verify-return]')).toHaveCount(0);
  await shot(page, 'rectification-owner-cannot-verify');
  await signOut(page);

  await signInHome(page, 'jijian');
  await page.goto(`/rectification/${item.id}`);
  await page.locator('[data-test=verify-pass]').click();
  await page.locator('[data-test=verify-confirm]').click();
  await expect(page.locator('[data-test=rectification-status]'), 'someone else with the permission closes it').toHaveText('已销号');

  await page.locator('[data-test=menu-rectification-summary]').click();
  await expect(page).toHaveURL(/\/rectification\/summary$/);
  const office = rows(page, 'rectification-summary-table').filter({ hasText: '办公室' });
  await expect(office.locator('td').nth(2)).not.toHaveText('0');
  await shot(page, 'rectification-summary', { charts: true });
});
