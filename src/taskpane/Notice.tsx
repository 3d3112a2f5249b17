// A Fluent MessageBar that is always labelled: by its title, or by its text when it has none
// (MessageBar otherwise points aria-labelledby at a title that does not exist).
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";

export interface NoticeProps {
  intent: "info" | "success" | "warning" | "error";
  title?: string;
  multiline?: boolean;
  children: React.ReactNode;
}

export function Notice({ intent, title, multiline, children }: NoticeProps): React.ReactElement {
  const bodyId = React.useId();
  return (
    <MessageBar
      intent={intent}
      layout={multiline ? "multiline" : "auto"}
      {...(title ? {} : { "aria-labelledby": bodyId })}
    >
      <MessageBarBody id={bodyId}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}
