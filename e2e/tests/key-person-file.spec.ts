import { expect, test } from '@playwright/test';
import { login } from './fixtures.js';

test("a village cadre reads a file's trajectory and contact graph, follows a co-traveller to their file, and records a service", async ({
  page,
}) => {
  test.setTimeout(180_000); // the file page loads its chart library lazily: slow on a loaded machine
  await login(page, 'village');
  // The demo's first files of the village travelled together; find one through the API the page uses.
  const list = (await (await page.request.get('/api/v1/key-persons?status=active&pageSize=100')).json()) as {
    items: { id: string; name: string }[];
  };
  let file: { id: string; name: string } | undefined;
  let coTraveller: string | undefined;
  for (const kp of list.items) {
    const graph = (await (await page.request.get(`/api/v1/key-persons/${kp.id}/contacts`)).json()) as {
      nodes: { personId: string; name: string; hop: number; keyPersonId: string | null }[];
      links: { source: string; target: string; relation: string }[];
    };
    const link = graph.links.find((l) => l.relation === 'coTraveller');
    if (!link) continue;
    const self = graph.nodes.find((n) => n.hop === 0)!;
    const other = graph.nodes.find((n) => n.personId === (link.source === self.personId ? link.target : link.source))!;
    if (other.keyPersonId) {
      file = kp;
      coTraveller = other.name;
      break;
    }
  }
  expect(file, 'a demo file with a co-traveller under a measure').toBeTruthy();

  await page.goto(`/key-persons/${file!.id}`);
  const trajectory = page.getByTestId('trajectory');
  await expect(trajectory).toContainText(/火车|飞机|客车|自驾|步行/, { timeout: 60_000 });
  const contacts = page.getByTestId('contacts');
  await expect(contacts.getByTestId('contact-graph').locator('canvas')).toBeVisible();
  await expect(contacts).toContainText('同行人员');
  await expect(contacts).toContainText('同住家属');

  await contacts.getByRole('link', { name: coTraveller! }).first().click();
  await expect(page.getByRole('heading', { level: 3 })).toContainText(coTraveller!, { timeout: 30_000 });
  await expect(page.getByTestId('contacts')).toContainText(file!.name, { timeout: 30_000 });

  const services = page.locator('.ant-card').filter({ hasText: '服务保障' });
  await services.locator('.ant-select').first().click();
  await page.getByTitle('心理疏导').click();
  await services.getByPlaceholder('服务人').fill('王医生');
  await services.getByRole('button', { name: /添\s*加/ }).click();
  await expect(services.locator('.ant-table-row').filter({ hasText: '王医生' })).toContainText('心理疏导');
});
