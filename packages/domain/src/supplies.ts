// 物资保障: the default catalogue, units and the days-of-cover rule, shared by server and web.
import { addDays, shanghaiDateOf, shanghaiInstant } from './calendar.js';

export const SUPPLY_UNITS = ['piece', 'pair', 'set', 'box', 'bottle', 'litre', 'kilogram', 'kit', 'unit'] as const;
export type SupplyUnit = (typeof SUPPLY_UNITS)[number];

export const SUPPLY_CATEGORIES = ['protection', 'thermometry', 'disinfection', 'shelter', 'testing', 'other'] as const;
export type SupplyCategory = (typeof SUPPLY_CATEGORIES)[number];

/** What a store is attached to. */
export const SUPPLY_STORE_KINDS = ['region', 'checkpoint', 'observationSite'] as const;
export type SupplyStoreKind = (typeof SUPPLY_STORE_KINDS)[number];

/** 入库 / 出库 / 调拨 / 盘点. A transfer is two rows, out of one store and into the other. */
export const STOCK_MOVEMENT_KINDS = ['receipt', 'issue', 'transferOut', 'transferIn', 'count'] as const;
export type StockMovementKind = (typeof STOCK_MOVEMENT_KINDS)[number];

/**
 * The catalogue every county starts with, drawn from the seed reports (口罩仅够两天使用, 卡口均没有
 * 御寒帐篷、体温检测设备): the web shows a default item by its key, a county's own item by its name.
 */
export const DEFAULT_SUPPLY_ITEMS: readonly { key: string; category: SupplyCategory; unit: SupplyUnit }[] = [
  { key: 'maskN95', category: 'protection', unit: 'piece' },
  { key: 'maskSurgical', category: 'protection', unit: 'piece' },
  { key: 'maskDisposable', category: 'protection', unit: 'piece' },
  { key: 'protectiveSuit', category: 'protection', unit: 'set' },
  { key: 'gloves', category: 'protection', unit: 'pair' },
  { key: 'goggles', category: 'protection', unit: 'piece' },
  { key: 'thermometerHandheld', category: 'thermometry', unit: 'unit' },
  { key: 'thermometerInfrared', category: 'thermometry', unit: 'unit' },
  { key: 'disinfectant', category: 'disinfection', unit: 'litre' },
  { key: 'tent', category: 'shelter', unit: 'unit' },
  { key: 'heater', category: 'shelter', unit: 'unit' },
  { key: 'testKit', category: 'testing', unit: 'kit' },
];

/** Stores with fewer days of cover than this are listed as short, unless the county sets another figure. */
export const DEFAULT_LOW_COVER_DAYS = 3;
/** Days of issues the average daily use is taken over. */
export const COVER_WINDOW_DAYS = 7;

/**
 * The window the average daily issue is taken over: the 7 whole Shanghai days before today (today,
 * half gone, would make the average fall every morning).
 */
export function coverWindow(now: Date): { from: Date; to: Date } {
  const today = shanghaiDateOf(now);
  return { from: shanghaiInstant(addDays(today, -COVER_WINDOW_DAYS), '00:00'), to: shanghaiInstant(today, '00:00') };
}

/** Days of cover: stock ÷ average daily issue, one decimal; null when nothing was issued (no end in sight). */
export function daysOfCover(stock: number, issuedInWindow: number): number | null {
  if (issuedInWindow <= 0) return null;
  return Math.floor((stock / (issuedInWindow / COVER_WINDOW_DAYS)) * 10) / 10;
}
