// The pane's strings for the current display language, available to every component.
import * as React from "react";
import { Strings, stringsFor } from "./strings";

export const StringsContext = React.createContext<Strings>(stringsFor("zh"));
export const useStrings = (): Strings => React.useContext(StringsContext);

export interface Busy {
  action: keyof Strings["actionNames"];
  step: string;
  done: number;
  total: number;
}
