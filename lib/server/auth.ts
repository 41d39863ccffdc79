import 'server-only';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { env, provideAuthUrl, type Env } from '@/lib/env';
import { safeRedirectPath } from '@/lib/safe-redirect';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { mailText, queueMail } from '@/lib/server/mail';
import { countSignInLinkRequest, tooManyLinksPath } from '@/lib/server/sign-in-limits';
import type { User } from '@/lib/generated/prisma/client';

export const EMAIL_PROVIDER = 'email';
export const OIDC_PROVIDER = 'entra';

const STAFF_ROLES = new Set(['ADMIN', 'STAFF']);

/** A user who may sign in at all: known to the app and not erased. */
async function activeUser(email: string | null | undefined): Promise<User | null> {
  if (!email) return null;
  const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
  return user && !user.erasedAt ? user : null;
}

const asActor = (user: User): Actor => ({ kind: 'user', userId: user.id, role: user.role });

const oidcConfigured = (settings: Env) => Boolean(settings.AUTH_OIDC_ISSUER && settings.AUTH_OIDC_ID && settings.AUTH_OIDC_SECRET);

/**
 * Whether `user` may sign in by e-mail link. With an identity provider configured, staff and
 * administrators sign in only there, so its MFA and offboarding apply to them;
 * AUTH_STAFF_EMAIL_SIGNIN=true lets them use e-mail as well.
 */
export function emailSignInAllowed(user: Pick<User, 'role'>, settings: Env = env()): boolean {
  return !STAFF_ROLES.has(user.role) || !oidcConfigured(settings) || settings.AUTH_STAFF_EMAIL_SIGNIN;
}

/** Prisma's error for an update or delete of a row that does not exist. */
const isMissingRow = (error: unknown) => Boolean(error && typeof error === 'object' && 'code' in error && error.code === 'P2025');

async function unlessMissing<T>(operation: Promise<T>): Promise<T | null> {
  try {
    return await operation;
  } catch (error) {
    if (isMissingRow(error)) return null;
    throw error;
  }
}

/**
 * Auth.js's Prisma adapter, with the app's rules: users are created by invitation only,
 * and a session ends at its absolute lifetime or when its user is erased, whatever activity
 * has extended its idle expiry.
 */
export function appAdapter(): Adapter {
  const base = PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]);
  const maxAgeMs = env().SESSION_MAX_HOURS * 3_600_000;
  return {
    ...base,
    createUser: async () => {
      throw new Error('Users are created by invitation or by staff, never at sign-in');
    },
    getUserByEmail: async (email) => (await activeUser(email)) as AdapterUser | null,
    // A session may be gone by the time Auth.js touches it again: ended by its absolute lifetime,
    // a sign-out elsewhere, erasure, or a stale cookie. Signing in with such a cookie deletes the
    // old session first; that must not fail the sign-in (and use up its link).
    deleteSession: (sessionToken) => unlessMissing(db.session.delete({ where: { sessionToken } })),
    updateSession: ({ sessionToken, ...data }) => unlessMissing(db.session.update({ where: { sessionToken }, data })),
    getSessionAndUser: async (sessionToken) => {
      const row = await db.session.findUnique({ where: { sessionToken }, include: { user: true } });
      if (!row) return null;
      const { user, ...session } = row;
      if (user.erasedAt || row.createdAt.getTime() + maxAgeMs < Date.now()) {
        await db.session.deleteMany({ where: { sessionToken } });
        return null;
      }
      return { session, user: user as AdapterUser };
    },
  };
}

async function sendMagicLink({ identifier, url }: { identifier: string; url: string }): Promise<void> {
  const user = await activeUser(identifier);
  const settings = env();
  const allowed = Boolean(user && emailSignInAllowed(user, settings));
  // The answer to the requester is the same either way; only known users get mail.
  await audit(user ? asActor(user) : { kind: 'anonymous' }, {
    action: 'auth.magic_link.request',
    outcome: allowed ? 'SUCCESS' : 'DENIED',
    objectType: 'User',
    objectId: user?.id,
    ...(user && !allowed && { details: { reason: 'staff_sign_in_through_identity_provider' } }),
  });
  // Queued for every address, known or not, so that both answers take the same time; the
  // worker sends it only to a known, active user. Staff who sign in through the identity
  // provider get a mail as anyone known does, without a link: it says where they sign in.
  const mail =
    user && !allowed
      ? {
          subject: mailText('staffSignInSubject'),
          text: mailText('staffSignInBody', { provider: settings.AUTH_OIDC_NAME, url: `${settings.APP_URL}/signin` }),
        }
      : {
          subject: mailText('magicLinkSubject'),
          text: mailText('magicLinkBody', { minutes: settings.MAGIC_LINK_MINUTES, url }),
        };
  await queueMail([{ to: identifier.toLowerCase(), ...mail, onlyToActiveUser: true }]);
}

function config(): NextAuthConfig {
  const settings = env();
  provideAuthUrl(settings);
  const oidc =
    settings.AUTH_OIDC_ISSUER && settings.AUTH_OIDC_ID && settings.AUTH_OIDC_SECRET
      ? [
          {
            id: OIDC_PROVIDER,
            name: settings.AUTH_OIDC_NAME,
            type: 'oidc' as const,
            issuer: settings.AUTH_OIDC_ISSUER,
            clientId: settings.AUTH_OIDC_ID,
            clientSecret: settings.AUTH_OIDC_SECRET,
            authorization: { params: { scope: 'openid email profile' } },
            // Staff accounts exist before their first sign-in; the municipality's identity
            // provider vouches for the address, so its account is linked to that user.
            allowDangerousEmailAccountLinking: true,
          },
        ]
      : [];

  return {
    adapter: appAdapter(),
    secret: settings.AUTH_SECRET,
    trustHost: true,
    session: { strategy: 'database', maxAge: settings.SESSION_IDLE_MINUTES * 60, updateAge: 60 },
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin/error' },
    providers: [
      Nodemailer({
        id: EMAIL_PROVIDER,
        server: settings.SMTP_URL,
        from: settings.MAIL_FROM,
        maxAge: settings.MAGIC_LINK_MINUTES * 60,
        sendVerificationRequest: sendMagicLink,
      }),
      ...oidc,
    ],
    callbacks: {
      async signIn({ user, account, profile, email }) {
        // Requesting a link "succeeds" for every address within the limits; sendMagicLink decides
        // whether and what mail goes out. Over a limit Auth.js sends the requester to this path.
        if (email?.verificationRequest) {
          const limit = await countSignInLinkRequest(user.email ?? '');
          return limit.allowed ? true : tooManyLinksPath(limit.minutes);
        }
        const oidc = account?.provider === OIDC_PROVIDER;
        const known = await activeUser(oidc ? profile?.email : user.email);
        // A link sent before staff e-mail sign-in was switched off no longer works for staff either.
        const allowed = Boolean(known && (oidc ? STAFF_ROLES.has(known.role) : emailSignInAllowed(known, settings)));
        if (!allowed) {
          await audit(known ? asActor(known) : { kind: 'anonymous' }, {
            action: 'auth.sign_in',
            outcome: 'DENIED',
            objectType: 'User',
            objectId: known?.id,
            details: { provider: account?.provider ?? null },
          });
        }
        return allowed;
      },
      // Every redirect after sign-in or sign-out stays on this site.
      redirect({ url, baseUrl }) {
        return `${baseUrl}${safeRedirectPath(url, { origin: baseUrl })}`;
      },
      session({ session, user }) {
        const { id, email, name, role } = user as unknown as User;
        // Only what pages need: the database session row (with its token) never leaves the server,
        // so /api/auth/session cannot hand the httpOnly cookie's value to a script.
        return { expires: session.expires, user: { id, email, name, role } } as typeof session;
      },
    },
    events: {
      async signIn({ user, account }) {
        const known = await activeUser(user.email);
        if (known) await audit(asActor(known), { action: 'auth.sign_in', objectType: 'User', objectId: known.id, details: { provider: account?.provider ?? null } });
      },
      async signOut(message) {
        const session = 'session' in message ? message.session : null;
        const user = session?.userId ? await db.user.findUnique({ where: { id: session.userId } }) : null;
        if (user) await audit(asActor(user), { action: 'auth.sign_out', objectType: 'User', objectId: user.id });
      },
    },
  };
}

// Configured per request: the environment is validated when the app serves, not at build time.
export const { handlers, auth, signIn, signOut } = NextAuth(() => config());
