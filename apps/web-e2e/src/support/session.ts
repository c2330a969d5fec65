import type { Page } from 'playwright-core';
import { signIn } from '@returnlens/tools/testing';

export const baseUrl = (): string => {
  const url = process.env['RETURNLENS_TEST_BASE_URL'];
  if (!url)
    throw new Error('RETURNLENS_TEST_BASE_URL is not set: run through the web-e2e jest config');
  return url;
};

/** The demo logins the demo data creates (password "demo"). */
export const DEMO = {
  owner: 'owner@demo.returnlens',
  buyer: 'buyer@demo.returnlens',
  manager: 'manager@demo.returnlens',
  admin: 'admin@demo.returnlens',
} as const;

/** Signs the page's context in as a demo role (through the API, cookies in the context). */
export function signInAs(page: Page, role: keyof typeof DEMO): Promise<void> {
  return signIn(page, baseUrl(), DEMO[role], 'demo');
}
