/**
 * Mantine theme tuned for WCAG 2.1 AA: Mantine's defaults put white text on blue-6 (3.5:1), red-6
 * error text (3.3:1) and gray-6 "dimmed" text (3.3:1) below 4.5:1, and input borders (gray-4) below
 * the 3:1 that 1.4.11 asks of form-field boundaries. Darker shades fix all of them.
 */
import { createTheme, type CSSVariablesResolver } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "blue",
  primaryShade: 8,
  focusRing: "auto",
  // Users who ask their system for less motion get no transitions (and tests see final colours).
  respectReducedMotion: true,
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  headings: { fontWeight: "650" },
  defaultRadius: "sm",
  components: {
    Table: { defaultProps: { highlightOnHover: true, verticalSpacing: "xs" } },
    // Mantine's built-in labels are English; screen reader users hear these.
    PasswordInput: { defaultProps: { visibilityToggleButtonProps: { "aria-label": "Visa lösenordet" } } },
    Modal: { defaultProps: { closeButtonProps: { "aria-label": "Stäng" } } },
    // A badge says something (a status, a risk level): never cut it to an ellipsis; let it wrap.
    Badge: {
      styles: {
        root: { height: "auto", minHeight: "var(--badge-height)", textTransform: "none", maxWidth: "100%" },
        label: { overflow: "visible", textOverflow: "clip", whiteSpace: "normal", lineHeight: 1.3 },
      },
    },
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-7)",
    "--mantine-color-default-border": "var(--mantine-color-gray-6)",
    "--mantine-color-anchor": "var(--mantine-color-blue-9)",
  },
  dark: {},
});
