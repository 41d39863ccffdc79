import 'server-only';
import NextAuth, { type NextAuthConfig } from 'next-auth';
import Nodemailer from 'next-auth/providers/nodemailer';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import { PrismaAdapter } from '@auth/prisma-adapter';
import { env } from '@/lib/env';
import type { Actor } from '@/lib/server/actor';
import { audit } from '@/lib/server/audit';
import { db } from '@/lib/server/db';
import { mailText, sendMail } from '@/lib/server/mail';
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
  // The answer to the requester is the same either way; only known users get mail.
  await audit(user ? asActor(user) : { kind: 'anonymous' }, {
    action: 'auth.magic_link.request',
    outcome: user ? 'SUCCESS' : 'DENIED',
    objectType: 'User',
    objectId: user?.id,
  });
  if (!user) return;
  const minutes = env().MAGIC_LINK_MINUTES;
  await sendMail({
    to: user.email,
    subject: mailText('magicLinkSubject'),
    text: mailText('magicLinkBody', { minutes, url }),
  });
}

function config(): NextAuthConfig {
  const settings = env();
  // Auth.js builds its links and OIDC redirect URIs from AUTH_URL when set, otherwise from the
  // request URL, whose host a proxy in front of the app may have changed.
  process.env.AUTH_URL ??= settings.APP_URL;
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
        // Requesting a link always "succeeds"; sendMagicLink decides whether mail goes out.
        if (email?.verificationRequest) return true;
        const address = account?.provider === OIDC_PROVIDER ? profile?.email : user.email;
        const known = await activeUser(address);
        const allowed = Boolean(known && (account?.provider !== OIDC_PROVIDER || STAFF_ROLES.has(known.role)));
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
