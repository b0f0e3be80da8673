import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';

const geodataDirectory = resolve(import.meta.dirname, 'geodata');

/**
 * In `npm run dev` the geodata folder is served from disk at /geodata/, as the production server
 * does, so staff edits show up on reload without a rebuild.
 */
function serveGeodata(): Plugin {
  return {
    name: 'plan-map-geodata',
    configureServer(server) {
      server.middlewares.use('/geodata', (request, response, next) => {
        const relativePath = decodeURIComponent((request.url ?? '/').split('?')[0] ?? '/');
        const filePath = resolve(geodataDirectory, '.' + relativePath);
        if (!filePath.startsWith(geodataDirectory + sep) || !existsSync(filePath) || !statSync(filePath).isFile()) {
          next();
          return;
        }
        response.setHeader('Content-Type', filePath.endsWith('.geojson') ? 'application/geo+json' : 'application/json');
        createReadStream(filePath).pipe(response);
      });
    },
  };
}

export default defineConfig({
  plugins: [react(), serveGeodata()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 3000,
    sourcemap: false,
  },
  worker: { format: 'es' },
});
