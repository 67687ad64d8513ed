/** Entry point of the web app (Vite root is src/web). */
import "@mantine/core/styles.css";
import "./app/app.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { config as zodConfig } from "zod";
import { App } from "./app/App.tsx";

// zod compiles parsers with `new Function` when it may; the CSP forbids eval, and zod's probe for
// it would be reported as a policy violation on every page that parses. Parse without it.
zodConfig({ jitless: true });

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
