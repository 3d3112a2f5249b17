// The web page's own texts (the pane inside it keeps src/taskpane/strings.ts). Chinese only:
// the page is for union offices without Microsoft 365; file types keep their Latin names.
import type { WebStep } from "./protocol";

export const WEB = {
  title: "疗休养经费助手 · 网页版",
  intro:
    "不需要 Microsoft 365：选择或拖入花名册工作簿（.xlsx），校验并生成经费分摊表，下载带结果的工作簿。",
  privacy:
    "隐私：本页面完全在这台电脑的浏览器中运行，工作簿不会上传，也不会发送到任何地方。页面的内容安全策略禁止一切网络连接，不含统计代码，不加载外部字体或脚本，断网也能使用。",
  pick: "选择工作簿…",
  pickAnother: "换一个工作簿…",
  drop: "或把 .xlsx 文件拖到此处",
  opening: (name: string) => `正在打开 ${name}…`,
  opened: (name: string, sheets: number, rows: number) =>
    `已打开 ${name}：${sheets} 个工作表，共 ${rows.toLocaleString("en-US")} 行。`,
  openFailed: "无法打开工作簿",
  steps: {
    open: "解压并读取文件",
    read: "读取工作表",
    check: "校验与计算",
    mark: "标记问题单元格",
    write: "写入经费分摊表",
    done: "完成",
  } as Record<WebStep, string>,
  download: (name: string) => `下载 ${name}`,
  downloadNote: "下载的工作簿 = 原文件 + 生成的经费分摊表和校验结果（原有工作表一字不改）。",
  previewLabel: "工作簿预览",
  sheetTabs: "工作表",
  generatedTab: "（生成）",
  empty: "（空表）",
  noWorker: "浏览器不允许在后台线程运行，正在页面中直接处理（大文件时页面可能短暂无响应）。",
};
