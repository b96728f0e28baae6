import type { Locale } from "./config";
import en from "./messages/en.json";
import zh from "./messages/zh-CN.json";

export type Messages = typeof zh;

/** The message tree of a locale, for code that runs outside next-intl (e.g. proxy.ts). */
export function messagesFor(locale: Locale): Messages {
  return locale === "en" ? en : zh;
}
