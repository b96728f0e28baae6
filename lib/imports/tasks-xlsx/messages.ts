import type { Locale } from "@/lib/i18n/config";
import { messagesFor, type Messages } from "@/lib/i18n/messages";

export type IssueKey = keyof Messages["xlsxImport"]["issues"];
export type FileIssueKey = keyof Messages["xlsxImport"]["fileIssues"];
export type MessageParams = Record<string, string | number>;

/** Fills `{name}` placeholders (the messages use no other ICU syntax). */
const fill = (template: string, params: MessageParams = {}) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );

/** A cell's problem in the caller's language. */
export const issueText = (locale: Locale, key: IssueKey, params?: MessageParams) =>
  fill(messagesFor(locale).xlsxImport.issues[key], params);

/** A problem of the whole file in the caller's language. */
export const fileIssueText = (locale: Locale, key: FileIssueKey, params?: MessageParams) =>
  fill(messagesFor(locale).xlsxImport.fileIssues[key], params);
