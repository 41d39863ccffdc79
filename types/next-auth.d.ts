import type { UserRole } from '@/lib/generated/prisma/enums';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name: string | null; role: UserRole };
  }
}
