import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { precompress } from "./scripts/precompress.ts";

// The web app lives in src/web; the server serves dist/web in production. No source maps: the
// build is served as it is, and a public map would publish the whole source.
export default defineConfig({
  root: "src/web",
  plugins: [react(), precompress()],
  build: { outDir: "../../dist/web", emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
