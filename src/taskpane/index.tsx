// The task pane's entry inside Office: wait for Office.js (boot.ts: a clear message when it is
// missing, blocked, never ready, or Excel is too old), then render the pane against Excel.
import { mountPane } from "./mount";
import { officeHost } from "./officeHost";
import { boot } from "./boot";

const container = document.getElementById("container");
if (container) {
  void boot(container, typeof Office === "undefined" ? undefined : Office, (lang) =>
    mountPane(container, officeHost, lang)
  );
}
