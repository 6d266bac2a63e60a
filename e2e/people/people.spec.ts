import ExcelJS from 'exceljs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { idNumber, mobile, uniqueTag } from '../support/accounts.js';
import { download, sheetRows } from '../support/files.js';
import { choose, expectToast, openMenu, rows, shot, signInHome } from '../support/ui.js';

const masked = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;
const maskedMobile = (m: string) => `${m.slice(0, 3)}****${m.slice(-4)}`;

/** el-date-picker drops its data-test attribute, so its input is found by the form label. */
async function pickDate(input: Locator, date: string): Promise<void> {
  await input.fill(date);
  await input.press('Enter');
  await expect(input).toHaveValue(date);
}

async function searchName(page: Page, name: string): Promise<void> {
  await page.locator('[data-test=people-search-name]').fill(name);
  await page.locator('[data-test=people-search-submit]').click();
}

test('人员信息: an org officer adds a person, sees them masked, reveals with a reason, edits and searches', async ({ page }) => {
  const tag = uniqueTag();
  const name = `林${tag.given}`;
  const id = idNumber('1990-05-12');
  const phone = mobile();
  const newPhone = mobile();

  await signInHome(page, 'zuzhi');
  await openMenu(page, 'people');
  await page.locator('[data-test=person-create]').click();
  const dialog = page.locator('[data-test=person-dialog]');
  await expect(dialog).toBeVisible();
  await dialog.locator('[data-test=person-name]').fill(name);
  await dialog.locator('[data-test=person-gender]').getByText('女', { exact: true }).click();
  await pickDate(dialog.getByRole('combobox', { name: '出生日期' }), '1990-05-12');
  await choose(page, dialog.locator('[data-test=person-political]'), '中共党员');
  await pickDate(dialog.getByRole('combobox', { name: '入党时间' }), '2015-07-01');
  await dialog.locator('[data-test=person-id-number-input]').fill(id);
  await dialog.locator('[data-test=person-mobile-input]').fill(phone);
  await choose(page, dialog.locator('[data-test=person-org]'), '办公室');
  await dialog.getByText('新增人员', { exact: true }).click();
  await shot(page, 'people-create');
  await dialog.locator('[data-test=person-dialog-confirm]').click();
  await expect(dialog).toBeHidden();
  await expectToast(page, '保存成功');

  await searchName(page, name);
  const list = rows(page, 'people-table');
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText(masked(id));
  await expect(list.first()).toContainText(maskedMobile(phone));
  await expect(list.first()).toContainText('中共党员');
  await expect(list.first()).toContainText('办公室');
  await expect(page.locator('[data-test=people-table]'), 'the list never shows the full numbers').not.toContainText(id);
  await shot(page, 'people-list');

  await list.first().locator('[data-test=person-open]').click();
  const drawer = page.locator('[data-test=person-drawer]');
  await expect(drawer.locator('[data-test=person-id-number]')).toHaveText(masked(id));
  await expect(drawer.locator('[data-test=person-mobile]')).toHaveText(maskedMobile(phone));
  await drawer.locator('[data-test=person-reveal]').click();
  const confirm = page.locator('[data-test=confirm-dialog]');
  await expect(confirm.locator('[data-test=confirm-ok]'), 'a reason is required').toBeDisabled();
  await confirm.locator('[data-test=confirm-reason]').fill('核对干部档案信息');
  await confirm.locator('[data-test=confirm-ok]').click();
  await expect(drawer.locator('[data-test=person-id-number]')).toHaveText(id);
  await expect(drawer.locator('[data-test=person-mobile]')).toHaveText(phone);
  await shot(page, 'people-reveal');

  await drawer.locator('[data-test=person-drawer-edit]').click();
  await expect(dialog.locator('[data-test=person-name]')).toHaveValue(name);
  await expect(dialog.locator('[data-test=person-mobile-input]'), 'the form never holds the stored number').toHaveValue('');
  await dialog.locator('[data-test=person-mobile-input]').fill(newPhone);
  await dialog.locator('[data-test=person-dialog-confirm]').click();
  await expect(dialog).toBeHidden();
  await expect(list.first()).toContainText(maskedMobile(newPhone));
  await expect(list.first(), 'the ID number is kept when left empty').toContainText(masked(id));

  await page.locator('[data-test=people-search-reset]').click();
  await page.locator('[data-test=people-search-mobile]').fill(newPhone);
  await page.locator('[data-test=people-search-submit]').click();
  await expect(list).toHaveCount(1);
  await expect(list.first()).toContainText(name);
});

test('人员导入: a roster with a bad row is refused with the row named, the fixed roster imports', async ({ page }, testInfo) => {
  const tag = uniqueTag();
  const names = ['赵', '钱', '孙'].map((s) => `${s}${tag.given}`);
  const roster = [
    [names[0], '男', '1985-05-12', '中共党员', '2008-07-01', idNumber('1985-05-12'), mobile(), '办公室', '综合文秘岗'],
    [names[1], '女', '1991-11-02', '群众', '', idNumber('1991-11-02'), mobile(), '不存在的股室', ''],
    [names[2], '男', '1993-03-07', '共青团员', '', '', '', '财务股', ''],
  ];

  await signInHome(page, 'zuzhi');
  await openMenu(page, 'people');
  await page.locator('[data-test=person-import]').click();
  const dialog = page.locator('[data-test=people-import-dialog]');
  const template = await download(page, dialog.locator('[data-test=people-import-template]'), 'xlsx');
  expect((await sheetRows(template))[0]).toEqual(['姓名', '性别', '出生日期', '政治面貌', '入党时间', '身份证号', '手机号', '所在组织', '岗位']);

  /** Fills the downloaded template the way a clerk does and saves it under a new name. */
  async function fill(file: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await template.path());
    const ws = wb.worksheets[0]!;
    for (const r of roster) ws.addRow(r);
    const out = testInfo.outputPath(file);
    await wb.xlsx.writeFile(out);
    return out;
  }

  const upload = dialog.locator('[data-test=people-import-upload] input[type=file]');
  await upload.setInputFiles(await fill('roster-bad.xlsx'));
  await dialog.locator('[data-test=people-import-confirm]').click();
  const report = dialog.locator('[data-test=people-import-report]');
  await expect(report).toContainText('校验未通过，共发现 1 处问题');
  await expect(report.locator('.el-table__body-wrapper tr')).toHaveCount(1);
  await expect(report.locator('.el-table__body-wrapper tr').first().locator('td').first()).toHaveText('3');
  await expect(report.locator('.el-table__body-wrapper tr').first()).toContainText('所属组织');
  await expect(report.locator('.el-table__body-wrapper tr').first()).toContainText('找不到对应的组织或岗位，请核对名称');
  await shot(page, 'people-import-report');

  roster[1]![7] = '财务股';
  await dialog.locator('.el-upload-list__item').hover();
  await dialog.locator('.el-upload-list__item .el-icon--close').click();
  await upload.setInputFiles(await fill('roster-fixed.xlsx'));
  await dialog.locator('[data-test=people-import-confirm]').click();
  await expectToast(page, '成功导入 3 名人员');
  await expect(dialog).toBeHidden();

  await searchName(page, tag.given);
  const list = rows(page, 'people-table');
  await expect(list).toHaveCount(3);
  for (const n of names) await expect(page.locator('[data-test=people-table]')).toContainText(n);
});

test('岗位与班子成员: posts list their org and holders, the leading group lists what each member oversees', async ({ page }) => {
  await signInHome(page, 'zuzhi');
  await openMenu(page, 'posts');
  await page.locator('[data-test=posts-search-name]').fill('财务股股长');
  await page.locator('[data-test=posts-search-submit]').click();
  await expect(rows(page, 'posts-table')).toHaveCount(1);
  await expect(rows(page, 'posts-table').first()).toContainText('财务股');
  await page.locator('[data-test=posts-search-name]').fill('');
  await page.locator('[data-test=posts-search-submit]').click();
  await expect(rows(page, 'posts-table')).toHaveCount(20);
  await shot(page, 'people-posts');

  await openMenu(page, 'leaders');
  const leaders = rows(page, 'leaders-table');
  await expect(leaders).toHaveCount(6);
  await expect(leaders.filter({ hasText: '局长、党总支书记' })).toContainText('办公室');
  await shot(page, 'people-leaders');
});
