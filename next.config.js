// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // forbidden() and app/forbidden.tsx: a page the policy denies answers 403 with its own page.
    authInterrupts: true,
    // proxy.ts sees every request, and Next buffers bodies for it only up to this size: above it a
    // body would arrive cut short. An entry may carry 10 files of 10 MB (lib/entries/rules.ts).
    proxyClientMaxBodySize: "102mb",
  },
};

module.exports = withNextIntl(nextConfig);
