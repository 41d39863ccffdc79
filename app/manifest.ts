import type { MetadataRoute } from 'next';
import da from '@/lib/i18n/messages/da.json';

/** The web app manifest: the app's name and icons for home screens (Danish, the default language). */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: da.app.name,
    short_name: da.app.name,
    lang: 'da',
    start_url: '/',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#454545',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon.svg', sizes: 'any', type: 'image/svg+xml' },
    ],
  };
}
