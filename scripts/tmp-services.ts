import { startMailCatcher } from './lib/mail-catcher';
import { startOidcServer } from '../test/oidc-server';
const mail = await startMailCatcher({ smtpPort: 2626, httpPort: 3026 });
const oidc = await startOidcServer({ redirectUris: ['http://localhost:3200/api/auth/callback/entra'], port: 3027, clientId: 'c1', clientSecret: 's1' });
console.log(mail.smtpUrl, mail.httpUrl, oidc.issuer);
setInterval(() => {}, 100000);
