// The task pane's entry inside Office: wait for Office.js, then render the pane against Excel.
import { mountPane } from "./mount";
import { officeHost } from "./officeHost";
import { langOf } from "./strings";

Office.onReady(() => {
  const container = document.getElementById("container");
  if (container) mountPane(container, officeHost, langOf(Office.context.displayLanguage));
});
