import { z } from 'zod';
import { uuidSchema } from '@fangkong/domain';

/** A site passing this share of occupied beds is flagged (issue: warn over 90%). */
export const OCCUPANCY_WARNING = 0.9;

export const siteSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.string().nullable(),
    regionId: z.uuid(),
    regionName: z.string(),
    beds: z.number().int(),
    occupied: z.number().int(),
    free: z.number().int(),
    occupancy: z.number().describe('0–1'),
    warning: z.boolean().describe('occupancy over 90%'),
  })
  .meta({ id: 'ObservationSite' });
export const sitePage = z
  .object({
    items: z.array(siteSchema),
    total: z.number().int(),
    summary: z.object({ beds: z.number().int(), occupied: z.number().int(), free: z.number().int() }),
  })
  .meta({ id: 'ObservationSitePage' });

export const siteDetailSchema = siteSchema
  .extend({
    bedList: z.array(
      z.object({
        id: z.uuid(),
        room: z.string(),
        bed: z.string(),
        placementId: z.uuid().nullable(),
        keyPersonId: z.uuid().nullable(),
        name: z.string().nullable(),
        since: z.iso.datetime().nullable(),
      }),
    ),
  })
  .meta({ id: 'ObservationSiteDetail' });

export const createSiteBody = z.object({
  id: uuidSchema.optional(),
  regionId: uuidSchema,
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  address: z.string().trim().max(200, 'tooLong').optional(),
  rooms: z
    .array(
      z.object({
        room: z.string().trim().min(1, 'required').max(20, 'tooLong'),
        beds: z.number().int('invalidInteger').min(1, 'tooSmall').max(20, 'tooBig'),
      }),
    )
    .min(1, 'required')
    .max(500, 'tooBig'),
});
export type CreateSiteBody = z.infer<typeof createSiteBody>;
export const addRoomsBody = createSiteBody
  .pick({ rooms: true })
  .describe('new rooms, or more beds in a room the site has (numbered after its last bed)');
export type AddRoomsBody = z.infer<typeof addRoomsBody>;
export const placeBody = z.object({ keyPersonId: uuidSchema, bedId: uuidSchema });
export const idParams = z.object({ id: uuidSchema });
export const listSitesQuery = z.object({ regionId: uuidSchema.optional() });
export const placementSchema = z
  .object({
    id: z.uuid(),
    siteId: z.uuid(),
    bedId: z.uuid(),
    keyPersonId: z.uuid(),
    startedAt: z.iso.datetime(),
    endedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Placement' });
