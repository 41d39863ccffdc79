import { redirect } from 'next/navigation';
import { landingPath } from '@/lib/server/member-home';
import { currentActor } from '@/lib/server/session';

/** After a sign-in that named no page: each role's start page (a party member's consultations). */
export default async function AfterSignInPage(): Promise<never> {
  redirect(landingPath(await currentActor()));
}
