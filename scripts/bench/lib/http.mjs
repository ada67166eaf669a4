// Small HTTP helpers of the benchmark: sign in, JSON requests against the built api.
/* global FormData */
import { DEMO_PASSWORD } from '../scale.mjs';

export async function signIn(api, email) {
  const res = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

export async function call(api, token, method, path, body) {
  const res = await fetch(`${api}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body && !(body instanceof FormData) ? { 'content-type': 'application/json' } : {}),
    },
    body: body instanceof FormData ? body : body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  const json = /json/.test(res.headers.get('content-type') ?? '') && text ? JSON.parse(text) : null;
  return { status: res.status, text, json };
}
