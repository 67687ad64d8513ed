/** Shows an API error (the server's Swedish message) or any other failure. */
import { Alert } from "@mantine/core";
import { forwardRef } from "react";
import { ApiError } from "../api/client.ts";

const texts = {
  title: "Något gick fel",
  unknown: "Ett oväntat fel inträffade. Försök igen.",
};

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.message : texts.unknown;
}

export const ErrorAlert = forwardRef<HTMLDivElement, { error: unknown; title?: string }>(function ErrorAlert(
  { error, title = texts.title },
  ref,
) {
  return (
    <Alert ref={ref} tabIndex={-1} color="red" variant="light" title={title} role="alert" my="md">
      {errorMessage(error)}
    </Alert>
  );
});
