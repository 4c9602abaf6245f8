export const TEMPLATE = 'fangkong_template';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** The password the tests give the application's role `fangkong_app`. */
export const APP_TEST_PASSWORD = 'fangkong-test-app';
