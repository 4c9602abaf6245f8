import { customType, timestamp } from 'drizzle-orm/pg-core';

/** PostgreSQL `ltree`: a region path such as `c510121.t510121001.v510121001001`. */
export const ltree = customType<{ data: string; driverData: string }>({
  dataType: () => 'ltree',
});

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
