import { afterAll } from 'vitest';
import { closeTestDatabase } from './db.js';

afterAll(closeTestDatabase);

// The personal data key of every test file (security/personal-data-crypto.ts reads it on first use).
process.env.FANGKONG_DATA_KEY ??= 'ZmFuZ2tvbmctdGVzdC1rZXktMzItYnl0ZXMtbG9uZyE=';
