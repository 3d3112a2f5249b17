// Synthetic data shaped like the seed's 2024 plan: the rate sheet, the budget, and rosters of
// invented people with checksum-valid Yuxi ID numbers. Deterministic for a given seed.
import type { Cell } from "../src/core/types";
import { checkDigit } from "../src/core/idcard";
import { dayToSerial } from "../src/core/dates";

/** Mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

const serial = (y: number, m: number, d: number) => dayToSerial({ y, m, d });

export const RATE_HEADER = [
  "项目编号",
  "项目名称",
  "类型",
  "疗养地点",
  "开始日期",
  "结束日期",
  "名额",
  "人均标准（元）",
  "省总工会承担",
  "市总工会承担",
  "高新区总工会承担",
  "往返交通费（元）",
  "交通费承担方",
  "参加对象",
  "优先对象",
  "须为会员",
];

export interface ProgramSpec {
  code: string;
  name: string;
  count: number;
  categories: string[];
  member: boolean;
  window: [number, number, number, number, number, number];
}

export const PROGRAMS: ProgramSpec[] = [
  {
    code: "W1",
    name: "一线职工疗休养",
    count: 50,
    categories: ["企业一线职工", "事业单位干部职工", "机关干部职工", "社会组织干部职工"],
    member: false,
    window: [2024, 6, 1, 2024, 10, 31],
  },
  {
    code: "W2",
    name: "优秀技术技能人才疗休养",
    count: 3,
    categories: [
      "技能大赛状元",
      "技术能手",
      "云岭工匠",
      "各级工匠",
      "职工创新工作室带头人",
      "职工技师工作站带头人",
    ],
    member: false,
    window: [2024, 6, 1, 2024, 10, 31],
  },
  {
    code: "W3",
    name: "灵活就业群体疗休养",
    count: 50,
    categories: ["快递会员", "百人以上非公企业会员", "优秀农民工"],
    member: true,
    window: [2024, 6, 1, 2024, 10, 31],
  },
  {
    code: "W4",
    name: "城市困难职工解困脱困工作人员疗休养",
    count: 2,
    categories: ["城市困难职工解困脱困工作人员"],
    member: false,
    window: [2024, 6, 1, 2024, 10, 31],
  },
  {
    code: "N1",
    name: "市内疗休养",
    count: 46,
    categories: ["在职职工会员"],
    member: true,
    window: [2024, 9, 1, 2024, 12, 31],
  },
];

export function rateRows(): Cell[][] {
  const w = (p: ProgramSpec): Cell[] => [
    serial(p.window[0], p.window[1], p.window[2]),
    serial(p.window[3], p.window[4], p.window[5]),
  ];
  const P = PROGRAMS;
  return [
    [
      "W1",
      P[0].name,
      "市外",
      "云南省工人疗养院",
      ...w(P[0]),
      50,
      3000,
      2200,
      null,
      800,
      4000,
      "高新区总工会",
      P[0].categories.join("、"),
      "脱贫攻坚一线工作队员、基层工会一线干部职工、艰苦岗位职工、重大工程骨干、临近退休",
      "否",
    ],
    [
      "W2",
      P[1].name,
      "市外",
      "安宁职工疗休养基地",
      ...w(P[1]),
      3,
      3000,
      "全额",
      null,
      null,
      0,
      "市总工会",
      P[1].categories.join("、"),
      "",
      "否",
    ],
    [
      "W3",
      P[2].name,
      "市外",
      "云南省工人疗养院",
      ...w(P[2]),
      50,
      3000,
      2200,
      null,
      800,
      4000,
      "高新区总工会",
      P[2].categories.join("、"),
      "",
      "是",
    ],
    [
      "W4",
      P[3].name,
      "市外",
      "腾冲职工疗休养基地",
      ...w(P[3]),
      2,
      4500,
      "全额",
      null,
      null,
      0,
      "市总工会",
      P[3].categories.join("、"),
      "",
      "否",
    ],
    [
      "N1",
      P[4].name,
      "市内",
      "玉溪映月潭温泉酒店等4处",
      ...w(P[4]),
      46,
      2680,
      "1/3",
      "1/3",
      "其余",
      3000,
      "高新区总工会",
      P[4].categories.join("、"),
      "劳模、工匠、先进人物、优秀技术工人、艰苦岗位一线职工、临近退休",
      "是",
    ],
  ];
}

export const BUDGET_ROWS: Cell[][] = [
  ["高新区财政年初预算", 64000],
  ["高新区总工会本级支出", 68000],
];

export const ROSTER_HEADER = [
  "序号",
  "姓名",
  "性别",
  "身份证号",
  "工作单位",
  "是否会员",
  "人员类别",
  "疗休养项目",
  "批次",
  "疗休养日期",
  "联系电话",
  "备注",
];

const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文";
const GIVEN =
  "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰玉萍红华建国志红海燕春梅云飞鹏辉俊浩宇晨欣怡婷雪琳凯斌龙成睿思佳文博";
const REGIONS = [
  "530402",
  "530403",
  "530421",
  "530423",
  "530424",
  "530425",
  "530426",
  "530427",
  "530428",
  "530481",
];
export const UNITS = [
  "玉溪高新区管委会",
  "云南玉溪某制药有限公司",
  "玉溪某机械制造厂",
  "高新区某物流公司",
  "玉溪某烟草配套企业",
  "高新区某电子科技公司",
  "玉溪某建设集团",
  "高新区社区卫生服务中心",
  "玉溪某快递网点",
  "高新区某食品公司",
];

export function makeName(r: () => number): string {
  return (
    pick(r, SURNAMES.split("")) +
    pick(r, GIVEN.split("")) +
    (r() < 0.6 ? pick(r, GIVEN.split("")) : "")
  );
}

/** A checksum-valid ID; gender decides the parity of the 17th digit. */
export function makeId(
  r: () => number,
  birth: { y: number; m: number; d: number },
  male: boolean
): string {
  const ymd = String(birth.y) + String(birth.m).padStart(2, "0") + String(birth.d).padStart(2, "0");
  const order =
    String(Math.floor(r() * 100)).padStart(2, "0") +
    String(Math.floor(r() * 5) * 2 + (male ? 1 : 0));
  const body = pick(r, REGIONS) + ymd + order;
  return body + checkDigit(body);
}

export function makePhone(r: () => number): string {
  return pick(r, ["13", "15", "18", "17", "19"]) + String(Math.floor(r() * 1e9)).padStart(9, "0");
}

export interface PersonOptions {
  /** Earliest birth year (keeps everyone below retirement on the programme dates). */
  minBirthYear?: number;
}

/** One eligible roster row for a programme (without the 序号). */
export function personRow(
  r: () => number,
  p: ProgramSpec,
  batch: number,
  opts: PersonOptions = {}
): Cell[] {
  const male = r() < 0.55;
  const minY = opts.minBirthYear ?? 1972;
  const birth = {
    y: minY + Math.floor(r() * (2000 - minY)),
    m: 1 + Math.floor(r() * 12),
    d: 1 + Math.floor(r() * 28),
  };
  const startMonth = p.window[1];
  const endMonth = p.window[4];
  const month = startMonth + Math.floor(r() * (endMonth - startMonth + 1));
  const cats = [pick(r, p.categories)];
  if (p.code === "W1" && r() < 0.2) cats.push("脱贫攻坚一线工作队员");
  if (p.code === "N1" && r() < 0.3)
    cats.push(pick(r, ["劳模", "工匠", "先进人物", "优秀技术工人"]));
  return [
    makeName(r),
    male ? "男" : "女",
    makeId(r, birth, male),
    pick(r, UNITS),
    p.member || r() < 0.8 ? "是" : "否",
    cats.join("、"),
    p.code,
    `第${batch}批`,
    serial(p.window[0], month, 1 + Math.floor(r() * 28)),
    makePhone(r),
    "",
  ];
}

/** The seed's 151 people: 50/3/50/2/46, everyone eligible, unique IDs. */
export function sampleRoster(seed = 2024): Cell[][] {
  const r = rng(seed);
  const rows: Cell[][] = [];
  const ids = new Set<string>();
  const nameUnit = new Set<string>();
  for (const p of PROGRAMS) {
    for (let k = 0; k < p.count; k++) {
      let row: Cell[];
      do {
        row = personRow(r, p, 1 + Math.floor(k / 25));
      } while (ids.has(row[2] as string) || nameUnit.has(`${row[0]}|${row[3]}`));
      ids.add(row[2] as string);
      nameUnit.add(`${row[0]}|${row[3]}`);
      rows.push(row);
    }
  }
  // A couple of N1 rows name the programme instead of its code, as staff do.
  const n1 = rows.filter((x) => x[6] === "N1");
  n1[3][6] = "市内疗休养";
  n1[10][6] = "市内疗休养";
  return rows.map((row, i) => [i + 1, ...row]);
}
