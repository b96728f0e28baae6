/** Signing in over HTTP as a person would (next-auth Credentials), for a session cookie. */

/** `name=value` pairs of a response's Set-Cookie headers, merged into a jar. */
function collect(jar: Map<string, string>, response: Response): void {
  for (const header of response.headers.getSetCookie()) {
    const pair = header.split(";")[0]!;
    const eq = pair.indexOf("=");
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
}

const cookieHeader = (jar: Map<string, string>) =>
  [...jar].map(([name, value]) => `${name}=${value}`).join("; ");

/** Signs in and answers the Cookie header that carries the session; checks it with /api/v1/me. */
export async function signIn(origin: string, username: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  collect(jar, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };

  const callback = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(jar),
    },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  await callback.arrayBuffer();
  collect(jar, callback);

  const cookie = cookieHeader(jar);
  const me = await fetch(`${origin}/api/v1/me`, { headers: { cookie } });
  if (me.status !== 200) {
    throw new Error(`signing in as ${username} failed: /api/v1/me answered ${me.status}`);
  }
  await me.arrayBuffer();
  return cookie;
}
