import { defineConfig } from '@playwright/test';

// Run through `npm test`, which provides a seeded DATABASE_URL, a free E2E_PORT and CHROMIUM_PATH.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: true,
  retries: 0,
  // Journeys with several browser contexts and axe scans take one to two minutes on a
  // loaded two-core machine (CI saw 96 s for the consultation journey); this is a hang guard.
  timeout: 180_000,
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Root in CI containers needs --no-sandbox; the rest keeps chromium off the closed network.
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'chromium', use: { browserName: 'chromium' }, testIgnore: /\.(serial|last)\.spec\.ts$/ },
    // Journeys that change the shared demo budget run after the rest, which read its figures.
    { name: 'chromium-serial', use: { browserName: 'chromium' }, testMatch: /\.serial\.spec\.ts$/, dependencies: ['chromium'] },
    // Journeys that import a budget of their own, which then becomes the current one for every page:
    // one at a time, so that each finds its own budget in the catalogue.
    { name: 'chromium-last', use: { browserName: 'chromium' }, testMatch: /\.last\.spec\.ts$/, dependencies: ['chromium-serial'], workers: 1 },
  ],
  webServer: {
    // A production build, as users get it.
    command: `npx next build && npx next start -p ${port} -H localhost`,
    url: baseURL,
    // The production build takes one to two minutes on two idle cores, several when they are busy.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  },
});
