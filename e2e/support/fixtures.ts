import { test as base, expect } from '@playwright/test';

/**
 * Every page is watched for problems a person would suffer but axe does not report: a Content
 * Security Policy violation (a blocked stylesheet or script silently breaks the page) and an
 * uncaught script error. The expected 401 of the start-up session check is not a problem.
 */
export const test = base.extend<{ pageProblems: string[] }>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
          problems.push(`CSP: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
      await use(problems);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
