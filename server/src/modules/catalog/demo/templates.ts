import ExcelJS from 'exceljs';
import type { TemplateKey } from './build.ts';

/**
 * Blank application forms and filled samples for the demo's materials, generated as small
 * spreadsheets (a real center uploads the forms its departments publish).
 */
const FORMS: Record<TemplateKey, { title: string; fields: [string, string][] }> = {
  company_registration: {
    title: '公司登记（备案）申请书',
    fields: [
      ['名称', '佛山市南海区示例餐饮管理有限公司'],
      ['统一社会信用代码（设立登记不填）', ''],
      ['住所', '佛山市南海区桂城街道示例路 1 号 101 铺'],
      ['法定代表人', '张三'],
      ['注册资本（万元）', '50'],
      ['公司类型', '有限责任公司（自然人投资或控股）'],
      ['经营范围', '餐饮服务；食品销售（仅销售预包装食品）'],
      ['经营期限', '长期'],
      ['联系电话', '0757-00000000'],
      ['申请人签字（盖章）', '张三（示例）'],
    ],
  },
  food_business: {
    title: '食品经营许可申请书',
    fields: [
      ['经营者名称', '佛山市南海区示例餐饮管理有限公司'],
      ['统一社会信用代码', '91440605MA51XQ2D77'],
      ['法定代表人（负责人）', '张三'],
      ['经营场所', '佛山市南海区桂城街道示例路 1 号 101 铺'],
      ['主体业态', '餐饮服务经营者（小型餐馆）'],
      ['经营项目', '热食类食品制售；冷食类食品制售；自制饮品制售'],
      ['食品安全管理人员', '李四'],
      ['是否网络经营', '否'],
      ['申请人签字（盖章）', '张三（示例）'],
    ],
  },
  public_health: {
    title: '公共场所卫生许可申请表',
    fields: [
      ['单位名称', '佛山市南海区示例美容美发有限公司'],
      ['场所地址', '佛山市南海区桂城街道示例路 2 号'],
      ['法定代表人（负责人）', '王五'],
      ['场所类别', '美容美发场所'],
      ['营业面积（平方米）', '120'],
      ['从业人员数', '8'],
      ['是否使用集中空调', '否'],
      ['申请人签字（盖章）', '王五（示例）'],
    ],
  },
  real_estate: {
    title: '不动产登记申请书',
    fields: [
      ['登记类型', '转移登记'],
      ['不动产坐落', '佛山市南海区桂城街道示例花园 1 座 1201 房'],
      ['不动产单元号', '440605000000GB00001F00010001'],
      ['权利人', '赵六'],
      ['义务人', '钱七'],
      ['登记原因', '买卖'],
      ['申请人签字', '赵六、钱七（示例）'],
    ],
  },
};

export async function templateFiles(): Promise<{ key: string; filename: string; content: Buffer }[]> {
  const out: { key: string; filename: string; content: Buffer }[] = [];
  for (const [key, form] of Object.entries(FORMS) as [TemplateKey, (typeof FORMS)[TemplateKey]][]) {
    for (const isSample of [false, true]) {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(isSample ? '样表' : '申请书');
      sheet.columns = [{ width: 30 }, { width: 60 }];
      sheet.addRow([isSample ? `${form.title}（填写样表）` : form.title]).font = { bold: true, size: 14 };
      for (const [label, example] of form.fields) sheet.addRow([label, isSample ? example : '']);
      if (isSample) sheet.addRow(['说明', '本样表内容均为虚构，仅供参考填写格式']);
      out.push({
        key: `${key}:${isSample ? 'sample' : 'blank'}`,
        filename: `${form.title}${isSample ? '（样表）' : '（空白）'}.xlsx`,
        content: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
    }
  }
  return out;
}
