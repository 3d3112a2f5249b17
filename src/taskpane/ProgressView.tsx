// Progress while the host works: the step's name and how far it got.
import * as React from "react";
import { Field, ProgressBar } from "@fluentui/react-components";
import type { Busy } from "./context";

export function ProgressView({ busy }: { busy: Busy }): React.ReactElement {
  const value = busy.total > 0 ? Math.min(1, Math.max(0, busy.done / busy.total)) : undefined;
  return (
    <Field label={busy.step} validationState="none">
      <ProgressBar value={value} max={1} thickness="large" />
    </Field>
  );
}
