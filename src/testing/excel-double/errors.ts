// Errors shaped like OfficeExtension.Error: a code from Excel.ErrorCodes, a message and debugInfo.

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  invalidArgument: "InvalidArgument",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  propertyNotLoaded: "PropertyNotLoaded",
  requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  responsePayloadSizeLimitExceeded: "ResponsePayloadSizeLimitExceeded",
  invalidObjectPath: "InvalidObjectPath",
  undoNotSupported: "UndoNotSupported",
} as const;

export class OfficeExtensionError extends Error {
  override name = "RichApi.Error";
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string
  ) {
    super(message);
    this.debugInfo = { code, message, errorLocation };
  }
}

export function notLoaded(prop: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.propertyNotLoaded,
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    prop
  );
}

export function invalidArgument(what: string, location?: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.invalidArgument,
    `The argument is invalid or missing or has an incorrect format. ${what}`,
    location
  );
}

export function itemNotFound(what: string, location?: string): OfficeExtensionError {
  return new OfficeExtensionError(
    ErrorCodes.itemNotFound,
    `The requested resource doesn't exist. ${what}`,
    location
  );
}
