import { afterAll } from 'vitest';
import { closeTestDatabase } from './db.js';

afterAll(closeTestDatabase);
