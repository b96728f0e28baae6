import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { LOCALE_COOKIE, pickLocale } from "./config";

// next-intl without locale routing: the language comes from the user's cookie or browser.
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(
    cookieStore.get(LOCALE_COOKIE)?.value,
    headerList.get("accept-language"),
  );
  const messages = (await import(`./messages/${locale}.json`)).default;
  // The office's default zone, for next-intl's own formatting; plan dates are calendar strings and
  // are never converted through it.
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
