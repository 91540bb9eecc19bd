import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The fault-injection suite (test/fault): its own CI step, after the main suite.
export default defineConfig({ ...base, test: { ...base.test, include: ['test/fault/**/*.test.ts'], exclude: ['**/node_modules/**'] } });
