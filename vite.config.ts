import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The web app lives in src/web; the server serves dist/web in production.
export default defineConfig({
  root: "src/web",
  plugins: [react()],
  build: { outDir: "../../dist/web", emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
