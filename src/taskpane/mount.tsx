// Render the pane into a container, inside Fluent's provider. Used by the Office entry
// (index.tsx) and by the browser playground.
import * as React from "react";
import { createRoot, Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";
import type { PaneHost } from "./host";
import type { Lang } from "./strings";

export function Pane({ host, lang }: { host: PaneHost; lang: Lang }): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} />
    </FluentProvider>
  );
}

export function mountPane(container: HTMLElement, host: PaneHost, lang: Lang): Root {
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const root = createRoot(container);
  root.render(<Pane host={host} lang={lang} />);
  return root;
}
