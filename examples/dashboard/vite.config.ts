// `vite examples/dashboard` proxies /api to the sandbox (SANDBOX_URL, default http://127.0.0.1:4010);
// `vite examples/dashboard --mode msw` runs the reference server inside the page instead.
import { defineConfig } from 'vite';
import { dashboardConfig } from './config.js';

export default defineConfig(({ mode }) => dashboardConfig({ mode, sandboxUrl: process.env.SANDBOX_URL }));
