// The ribbon's 一键生成 in the playground: the real command (src/commands/commands.ts) with
// Office's dialog API stood in by an in-page dialog showing the real notice text.
import * as React from "react";
import type { ExcelDouble } from "../testing/excel-double";
import { generateAllocation } from "../commands/commands";
import { noticeText } from "../commands/notice";
import { stringsFor, Lang } from "../taskpane/strings";

export interface Notice {
  text: string;
  close(): void;
}

/** Office.context.ui.displayDialogAsync on the double, opening `show`'s dialog instead of a window. */
export function installDialogs(dbl: ExcelDouble, show: (n: Notice | null) => void): void {
  dbl.Office.EventType = {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
  };
  dbl.Office.context.ui = {
    displayDialogAsync(url: string, _options: unknown, callback: (r: unknown) => void) {
      const handlers: Record<string, (arg: unknown) => void> = {};
      const dialog = {
        addEventHandler: (type: string, h: (arg: unknown) => void) => (handlers[type] = h),
        close: () => show(null),
      };
      callback({ status: "succeeded", value: dialog });
      // The notice page sends a message when its 关闭 button is clicked.
      show({
        text: noticeText(new URL(url, window.location.href).searchParams),
        close: () => handlers.dialogMessageReceived?.({ message: "close" }),
      });
    },
  };
}

export function runRibbonCommand(): Promise<void> {
  return new Promise(
    (resolve) =>
      void generateAllocation({ completed: () => resolve() } as Office.AddinCommands.Event)
  );
}

export function NoticeDialog({ notice, lang }: { notice: Notice; lang: Lang }): React.ReactElement {
  const s = stringsFor(lang);
  const button = React.useRef<HTMLButtonElement>(null);
  React.useEffect(() => button.current?.focus(), []);
  return (
    <div className="backdrop">
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="notice-title"
        aria-describedby="notice-text"
      >
        <h2 id="notice-title">{s.noticeTitle}</h2>
        <p id="notice-text">{notice.text}</p>
        <button
          ref={button}
          type="button"
          onClick={notice.close}
          onKeyDown={(e) => e.key === "Escape" && notice.close()}
        >
          {s.close}
        </button>
      </div>
    </div>
  );
}
